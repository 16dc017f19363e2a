import { IsNull, MoreThan } from 'typeorm';
import { DomainError, parsePageSize, requireStaff } from '../../../../kit/src';
import { ChannelIdentity, externalIndex } from '../../db/entities/ChannelIdentity';
import { Member } from '../../db/entities/Member';
import { PartnerKey } from '../../db/entities/PartnerKey';
import { normalizePhone } from '../../domain/phone';
import { auditRead, readableMember } from '../access';
import type { QueryResolvers } from '../__generated__/resolvers-types';

/** Who finds a member by phone or card: the back office, and a POS at its till. */
const LOOKUP_ROLES = ['ADMIN', 'OPERATOR', 'SERVICE_AGENT', 'POS'] as const;

export const Query: QueryResolvers = {
  member: (_, args, ctx) => readableMember(ctx, args.id),

  me: (_, __, ctx) => {
    if (ctx.identity.kind === 'ANONYMOUS') throw new DomainError('UNAUTHENTICATED', 'sign in to see your membership');
    return ctx.identity.kind === 'MEMBER' ? readableMember(ctx, ctx.identity.subject!) : null;
  },

  members: async (_, args, ctx) => {
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

  memberByPhone: async (_, args, ctx) => {
    requireStaff(ctx.identity, LOOKUP_ROLES);
    const found = await ctx.dataSource.getRepository(Member).findOneBy({ phoneIndex: ctx.pii.blindIndex(normalizePhone(args.phone)) });
    if (!found) return null;
    await auditRead(ctx, 'STAFF', found, 'phone-lookup');
    return readableMember(ctx, found.id);
  },

  memberByCard: async (_, args, ctx) => {
    requireStaff(ctx.identity, LOOKUP_ROLES);
    const card = await ctx.dataSource
      .getRepository(ChannelIdentity)
      .findOneBy({ kind: 'POS_CARD', externalId: externalIndex(ctx.pii, 'POS_CARD', args.cardNo.trim().toUpperCase()) });
    return card ? ctx.loaders.member.load(card.memberId) : null;
  },

  partnerKeys: (_, __, ctx) => {
    requireStaff(ctx.identity, ['ADMIN']);
    return ctx.dataSource.getRepository(PartnerKey).find({ order: { createdAt: 'DESC' } });
  },

  tiers: (_, __, ctx) => ctx.loaders.ladder(),
};
