import { DomainError, formatFen, required } from '../../../../kit/src';
import type { MemberContext } from '../../context';
import type { Member as MemberRow } from '../../db/entities/Member';
import { consentsOf } from '../../domain/consent';
import { maskPhone } from '../../domain/phone';
import { auditPartnerRead, auditRead, readableMember, refusePartner } from '../access';
import { progressToNext, qualifies, reevaluate } from '../../domain/tierEngine';
import type { ConsentChangeResolvers, MemberResolvers, TierChangeResolvers } from '../__generated__/resolvers-types';
import { placeInLine } from '../../db/topTier';
import { scarce, topOf, waitsForTop } from '../../domain/scarcity';
import type { TierRule } from '../../domain/tiers';

/** Staff roles that may see a member's full phone number. */
const PHONE_ROLES = new Set(['ADMIN', 'SERVICE_AGENT']);

export const Member: MemberResolvers = {
  __resolveReference: (ref, ctx) => readableMember(ctx, ref.id),
  maskedPhone: async (member, _, ctx) => {
    await auditPartnerRead(ctx, member, 'maskedPhone');
    return maskPhone(ctx.pii.decrypt(member.phoneEnc));
  },
  phone: async (member, _, ctx) => {
    const reader = refusePartner(ctx, member);
    if (reader === 'STAFF' && !ctx.identity.roles?.some((role) => PHONE_ROLES.has(role))) {
      throw new DomainError('FORBIDDEN', 'only ADMIN and SERVICE_AGENT staff see full phone numbers');
    }
    await auditRead(ctx, reader, member, 'phone');
    return ctx.pii.decrypt(member.phoneEnc);
  },
  // A partner sees the masked phone and the tier, nothing about the member's history or consents.
  partnerSharing: (member, _, ctx) => {
    refusePartner(ctx, member);
    return member.partnerSharingAt !== null;
  },
  consents: (member, _, ctx) => {
    refusePartner(ctx, member);
    return consentsOf(member).map((c) => ({ ...c, since: c.since?.toISOString() ?? null }));
  },
  consentHistory: (member, _, ctx) => {
    refusePartner(ctx, member);
    return ctx.loaders.consentHistory.load(member.id);
  },
  registeredVia: (member, _, ctx) => {
    refusePartner(ctx, member);
    return member.registeredVia;
  },
  registeredAt: (member, _, ctx) => {
    refusePartner(ctx, member);
    return member.registeredAt.toISOString();
  },
  tier: async (member, _, ctx) => {
    await auditPartnerRead(ctx, member, 'tier');
    return required(await ctx.loaders.tier.load(member.tierId), `tier ${member.tierId}`);
  },

  tierStatus: async (member, _, ctx) => {
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
      topTier: await topTierStanding(ctx, member, ladder),
    };
  },

  profile: async (member, _, ctx) => {
    await auditRead(ctx, refusePartner(ctx, member), member, 'profile');
    return profile(member);
  },

  tierHistory: (member, _, ctx) => {
    refusePartner(ctx, member);
    return ctx.loaders.tierHistory.load(member.id);
  },
};

/** Whether the member qualifies for the top tier, holds it, or waits in line (their place by 12-month spend). */
async function topTierStanding(ctx: MemberContext, member: MemberRow, ladder: TierRule[]) {
  const top = topOf(ladder);
  const rule = ctx.tierRules.topTier;
  const waiting = waitsForTop(ladder, { tierId: member.tierId, spendFen: member.spend12mFen, purchases: member.purchases12m });
  return {
    tier: top,
    qualifies: qualifies(top, { spendFen: member.spend12mFen, purchases: member.purchases12m }),
    holds: member.tierId === top.id,
    invitationOnly: rule.invitationOnly,
    maxShare: rule.maxSharePpm === null ? null : rule.maxSharePpm / 1_000_000,
    place: waiting && scarce(rule) ? await placeInLine(ctx.dataSource.manager, top, member) : null,
  };
}

function profile(member: MemberRow) {
  return {
    name: member.name,
    birthday: member.birthday,
    gender: member.gender,
    email: member.email,
    complete: member.profileCompletedAt !== null,
  };
}

export const TierChange: TierChangeResolvers = {
  from: (change, _, ctx) => (change.fromTier ? ctx.loaders.tier.load(change.fromTier) : null),
  to: async (change, _, ctx) => required(await ctx.loaders.tier.load(change.toTier), `tier ${change.toTier}`),
  at: (change) => change.at.toISOString(),
};

export const ConsentChange: ConsentChangeResolvers = {
  at: (change) => change.at.toISOString(),
};
