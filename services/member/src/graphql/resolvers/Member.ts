import { DomainError, formatFen } from '../../../../kit/src';
import type { MemberContext } from '../../context';
import type { Member as MemberRow } from '../../db/entities/Member';
import type { TierChange } from '../../db/entities/TierChange';
import { maskPhone } from '../../domain/phone';
import { auditPartnerRead, auditRead, readableMember, refusePartner } from '../access';
import { progressToNext, reevaluate } from '../../domain/tierEngine';

/** Staff roles that may see a member's full phone number. */
const PHONE_ROLES = new Set(['ADMIN', 'SERVICE_AGENT']);

export const Member = {
  __resolveReference: (ref: { id: string }, ctx: MemberContext) => readableMember(ctx, ref.id),
  maskedPhone: async (member: MemberRow, _: unknown, ctx: MemberContext) => {
    await auditPartnerRead(ctx, member, 'maskedPhone');
    return maskPhone(ctx.pii.decrypt(member.phoneEnc));
  },
  phone: async (member: MemberRow, _: unknown, ctx: MemberContext) => {
    const reader = refusePartner(ctx, member);
    if (reader === 'STAFF' && !ctx.identity.roles?.some((role) => PHONE_ROLES.has(role))) {
      throw new DomainError('FORBIDDEN', 'only ADMIN and SERVICE_AGENT staff see full phone numbers');
    }
    await auditRead(ctx, reader, member, 'phone');
    return ctx.pii.decrypt(member.phoneEnc);
  },
  // A partner sees the masked phone and the tier, nothing about the member's history or consents.
  partnerSharing: (member: MemberRow, _: unknown, ctx: MemberContext) => {
    refusePartner(ctx, member);
    return member.partnerSharingAt !== null;
  },
  registeredVia: (member: MemberRow, _: unknown, ctx: MemberContext) => {
    refusePartner(ctx, member);
    return member.registeredVia;
  },
  registeredAt: (member: MemberRow, _: unknown, ctx: MemberContext) => {
    refusePartner(ctx, member);
    return member.registeredAt.toISOString();
  },
  tier: async (member: MemberRow, _: unknown, ctx: MemberContext) => {
    await auditPartnerRead(ctx, member, 'tier');
    return ctx.loaders.tier.load(member.tierId);
  },

  tierStatus: async (member: MemberRow, _: unknown, ctx: MemberContext) => {
    refusePartner(ctx, member);
    const ladder = await ctx.loaders.ladder();
    const current = ladder.find((t) => t.id === member.tierId)!;
    const stats = { spendFen: member.spend12mFen, purchases: member.purchases12m };
    const progress = progressToNext(current, ladder, stats);
    const grantInForce = member.tierSource === 'GRANTED' && (!member.grantExpiresAt || member.grantExpiresAt > new Date());
    return {
      current,
      since: (member.tierSince ?? member.registeredAt).toISOString(),
      source: member.tierSource,
      grantExpiresAt: member.grantExpiresAt?.toISOString() ?? null,
      progress: {
        nextTier: progress.nextTier,
        spendNeeded: formatFen(progress.spendNeededFen),
        purchasesNeeded: progress.purchasesNeeded,
        spend: formatFen(stats.spendFen),
        purchases: stats.purchases,
      },
      projected: grantInForce ? current : reevaluate(current, ladder, stats),
    };
  },

  profile: async (member: MemberRow, _: unknown, ctx: MemberContext) => {
    await auditRead(ctx, refusePartner(ctx, member), member, 'profile');
    return profile(member);
  },

  tierHistory: (member: MemberRow, _: unknown, ctx: MemberContext) => {
    refusePartner(ctx, member);
    return ctx.loaders.tierHistory.load(member.id);
  },
};

function profile(member: MemberRow) {
  return {
    name: member.name,
    birthday: member.birthday,
    gender: member.gender,
    email: member.email,
    complete: member.profileCompletedAt !== null,
  };
}

export const TierChangeResolvers = {
  from: (change: TierChange, _: unknown, ctx: MemberContext) => (change.fromTier ? ctx.loaders.tier.load(change.fromTier) : null),
  to: (change: TierChange, _: unknown, ctx: MemberContext) => ctx.loaders.tier.load(change.toTier),
  at: (change: TierChange) => change.at.toISOString(),
};
