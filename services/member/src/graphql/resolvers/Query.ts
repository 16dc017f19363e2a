import { IsNull, MoreThan } from 'typeorm';
import { DomainError, parsePageSize, requireStaff } from '../../../../kit/src';
import type { MemberContext } from '../../context';
import { ChannelIdentity, externalIndex } from '../../db/entities/ChannelIdentity';
import { Member } from '../../db/entities/Member';
import { PartnerKey } from '../../db/entities/PartnerKey';
import { normalizePhone } from '../../domain/phone';
import { auditRead, readableMember } from '../access';

/** Who finds a member by phone or card: the back office, and a POS at its till. */
const LOOKUP_ROLES = ['ADMIN', 'OPERATOR', 'SERVICE_AGENT', 'POS'] as const;

export const Query = {
  member: (_: unknown, args: { id: string }, ctx: MemberContext) => readableMember(ctx, args.id),

  me: (_: unknown, __: unknown, ctx: MemberContext) => {
    if (ctx.identity.kind === 'ANONYMOUS') throw new DomainError('UNAUTHENTICATED', 'sign in to see your membership');
    return ctx.identity.kind === 'MEMBER' ? readableMember(ctx, ctx.identity.subject!) : null;
  },

  members: async (_: unknown, args: { first: number; after?: string | null }, ctx: MemberContext) => {
    requireStaff(ctx.identity, ['ADMIN', 'OPERATOR', 'ANALYST', 'SERVICE_AGENT']);
    parsePageSize(args.first);
    const members = await ctx.dataSource.getRepository(Member).find({
      where: { mergedInto: IsNull(), ...(args.after ? { id: MoreThan(args.after) } : {}) },
      order: { id: 'ASC' },
      take: args.first,
    });
    for (const member of members) ctx.loaders.member.prime(member.id, member);
    return members;
  },

  memberByPhone: async (_: unknown, args: { phone: string }, ctx: MemberContext) => {
    requireStaff(ctx.identity, LOOKUP_ROLES);
    const found = await ctx.dataSource.getRepository(Member).findOneBy({ phoneIndex: ctx.pii.blindIndex(normalizePhone(args.phone)) });
    if (!found) return null;
    await auditRead(ctx, 'STAFF', found, 'phone-lookup');
    return readableMember(ctx, found.id);
  },

  memberByCard: async (_: unknown, args: { cardNo: string }, ctx: MemberContext) => {
    requireStaff(ctx.identity, LOOKUP_ROLES);
    const card = await ctx.dataSource
      .getRepository(ChannelIdentity)
      .findOneBy({ kind: 'POS_CARD', externalId: externalIndex(ctx.pii, 'POS_CARD', args.cardNo.trim().toUpperCase()) });
    return card ? ctx.loaders.member.load(card.memberId) : null;
  },

  partnerKeys: (_: unknown, __: unknown, ctx: MemberContext) => {
    requireStaff(ctx.identity, ['ADMIN']);
    return ctx.dataSource.getRepository(PartnerKey).find({ order: { createdAt: 'DESC' } });
  },

  tiers: (_: unknown, __: unknown, ctx: MemberContext) => ctx.loaders.ladder(),
};
