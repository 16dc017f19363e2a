import { formatFen } from '../../../../kit/src';
import type { MemberContext } from '../../context';
import type { Member as MemberRow } from '../../db/entities/Member';
import type { TierChange } from '../../db/entities/TierChange';
import { maskPhone } from '../../domain/phone';
import { progressToNext, reevaluate } from '../../domain/tierEngine';

export const Member = {
  __resolveReference: (ref: { id: string }, ctx: MemberContext) => ctx.loaders.member.load(ref.id),
  maskedPhone: (member: MemberRow, _: unknown, ctx: MemberContext) => maskPhone(ctx.pii.decrypt(member.phoneEnc)),
  registeredAt: (member: MemberRow) => member.registeredAt.toISOString(),
  tier: (member: MemberRow, _: unknown, ctx: MemberContext) => ctx.loaders.tier.load(member.tierId),

  tierStatus: async (member: MemberRow, _: unknown, ctx: MemberContext) => {
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

  profile: (member: MemberRow) => ({
    name: member.name,
    birthday: member.birthday,
    gender: member.gender,
    email: member.email,
    complete: member.profileCompletedAt !== null,
  }),

  tierHistory: (member: MemberRow, _: unknown, ctx: MemberContext) => ctx.loaders.tierHistory.load(member.id),
};

export const TierChangeResolvers = {
  from: (change: TierChange, _: unknown, ctx: MemberContext) => (change.fromTier ? ctx.loaders.tier.load(change.fromTier) : null),
  to: (change: TierChange, _: unknown, ctx: MemberContext) => ctx.loaders.tier.load(change.toTier),
  at: (change: TierChange) => change.at.toISOString(),
};
