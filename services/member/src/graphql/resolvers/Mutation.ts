import { actorOf, DomainError, parseChannel, required, requireSelf, requireSelfOrStaff, requireStaff } from '../../../../kit/src';
import { bindCard } from '../../commands/bindCard';
import { linkPartnerMember } from '../../commands/linkPartnerMember';
import { grantTier } from '../../commands/grantTier';
import { inviteToTopTier } from '../../commands/topTier';
import { deliverWithTierChanges, LADDER_EVENT_KEY } from '../../commands/memberEvents';
import { checkReferralCode, registerMember } from '../../commands/registerMember';
import { setConsent } from '../../commands/setConsent';
import { setPartnerSharing } from '../../commands/setPartnerSharing';
import { parseConsentPurpose } from '../../domain/consent';
import { updateProfile } from '../../commands/updateProfile';
import { updateTier } from '../../commands/updateTier';
import type { MemberContext } from '../../context';
import type { MutationResolvers } from '../__generated__/resolvers-types';

/** The member after a write, read afresh (the request's loader may hold the row from before it). */
async function reloaded(ctx: MemberContext, memberId: string) {
  ctx.loaders.member.clear(memberId);
  return required(await ctx.loaders.member.load(memberId), `member ${memberId}`);
}

export const Mutation: MutationResolvers = {
  registerMember: async (_, args, ctx) => {
    requireStaff(ctx.identity, ['ADMIN', 'OPERATOR', 'SERVICE_AGENT']);
    const referralCode = await checkReferralCode(ctx.campaign, args.referralCode);
    const member = await registerMember(ctx.dataSource, ctx.pii, { ...args, referralCode });
    await ctx.deliverEvents(member.id);
    return member;
  },

  updateProfile: async (_, args, ctx) => {
    requireSelfOrStaff(ctx.identity, args.memberId, ['ADMIN', 'SERVICE_AGENT']);
    await updateProfile(ctx.dataSource, ctx.deliverEvents, args);
    return reloaded(ctx, args.memberId);
  },

  setPartnerSharing: async (_, args, ctx) => {
    requireSelf(ctx.identity, args.memberId, 'only the member may give or withdraw this consent');
    await setPartnerSharing(ctx.dataSource, { ...args, channel: ctx.identity.channel ?? 'WEB', actor: actorOf(ctx.identity) });
    return reloaded(ctx, args.memberId);
  },

  // Consent is the member's to give; staff may record a withdrawal the member asked for (PIPL: withdrawing is never harder).
  setConsent: async (_, args, ctx) => {
    if (args.granted) requireSelf(ctx.identity, args.memberId, 'only the member may give a consent');
    else requireSelfOrStaff(ctx.identity, args.memberId, ['ADMIN', 'SERVICE_AGENT']);
    const purpose = parseConsentPurpose(args.purpose);
    const channel = parseChannel(args.channel ?? ctx.identity.channel ?? 'WEB');
    await setConsent(ctx.dataSource, { memberId: args.memberId, purpose, granted: args.granted, channel, actor: actorOf(ctx.identity) });
    return reloaded(ctx, args.memberId);
  },

  linkPartnerMember: async (_, args, ctx) => {
    const { identity } = ctx;
    if (identity.kind !== 'PARTNER' || !identity.partner) {
      throw new DomainError(
        identity.kind === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
        'only a partner brand, with its API key, links its members',
      );
    }
    const { member, replayed } = await linkPartnerMember(ctx.dataSource, ctx.pii, { ...args, partner: identity.partner });
    return { partnerMemberId: args.partnerMemberId, member, replayed };
  },

  bindCard: async (_, args, ctx) => {
    requireStaff(ctx.identity, ['ADMIN', 'OPERATOR', 'SERVICE_AGENT']);
    await bindCard(ctx.dataSource, ctx.pii, args);
    return reloaded(ctx, args.memberId);
  },

  grantTier: async (_, args, ctx) => {
    const actor = requireStaff(ctx.identity, ['ADMIN', 'OPERATOR']);
    await grantTier(ctx.dataSource, args, actor);
    // In points' tier copy before the answer: the member's next earn has the granted γ.
    await deliverWithTierChanges(ctx.deliverEvents, args.memberId);
    return reloaded(ctx, args.memberId);
  },

  inviteToTopTier: async (_, args, ctx) => {
    const actor = requireStaff(ctx.identity, ['ADMIN', 'OPERATOR']);
    await inviteToTopTier(ctx.dataSource, args, ctx.tierRules.topTier, actor);
    await deliverWithTierChanges(ctx.deliverEvents, args.memberId);
    return reloaded(ctx, args.memberId);
  },

  updateTier: async (_, args, ctx) => {
    const actor = requireStaff(ctx.identity, ['ADMIN']);
    const tier = await updateTier(ctx.dataSource, args, actor);
    // Points holds the ladder to earn with: told before the answer, so the next earn has the new γ.
    await ctx.deliverEvents(LADDER_EVENT_KEY);
    return tier;
  },
};
