import { actorOf, DomainError, requireStaff, requireStoreStaff } from '../../../../kit/src';
import { defineBenefit } from '../../commands/defineBenefit';
import { defineCouponTemplate } from '../../commands/defineCouponTemplate';
import { issueCoupon } from '../../commands/issueCoupon';
import { definePartner, definePartnerOffer } from '../../commands/partners';
import { redeemPartnerOffer } from '../../commands/redeemPartnerOffer';
import { redemptionCaller } from '../partnerAccess';
import { rateBenefit } from '../../commands/rateBenefit';
import { redeemCoupons } from '../../commands/redeemCoupons';
import { restoreCoupons } from '../../commands/restoreCoupons';
import { setOccasionReward } from '../../commands/setOccasionReward';
import { setTierBenefit } from '../../commands/setTierBenefit';
import { voidCoupon } from '../../commands/voidCoupon';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import { CHECKOUT_ROLES, checkoutCart, PROGRAMME_ROLES } from '../access';

export const Mutation: MutationResolvers = {
  defineBenefit: async (_, args, ctx) => {
    requireStaff(ctx.identity, PROGRAMME_ROLES);
    return (await defineBenefit(ctx.dataSource, args)).benefit;
  },

  setTierBenefit: (_, args, ctx) => {
    requireStaff(ctx.identity, PROGRAMME_ROLES);
    return setTierBenefit(ctx.dataSource, args, actorOf(ctx.identity));
  },

  defineCouponTemplate: (_, args, ctx) => {
    requireStaff(ctx.identity, PROGRAMME_ROLES);
    return defineCouponTemplate(ctx.dataSource, args.input, actorOf(ctx.identity));
  },

  issueCoupon: (_, args, ctx) => {
    requireStaff(ctx.identity, PROGRAMME_ROLES);
    return issueCoupon(ctx.dataSource, ctx.peers.member, args, actorOf(ctx.identity));
  },

  redeemCoupons: (_, args, ctx) => {
    const cart = checkoutCart(ctx.identity, args.memberId, args.cart);
    return redeemCoupons(ctx.dataSource, ctx.peers.member, { ...args, cart }, actorOf(ctx.identity));
  },

  restoreCoupons: (_, args, ctx) => {
    const atStore = requireStoreStaff(ctx.identity, CHECKOUT_ROLES);
    return restoreCoupons(ctx.dataSource, { ...args, atStore });
  },

  voidCoupon: async (_, args, ctx) => {
    requireStaff(ctx.identity, PROGRAMME_ROLES);
    return (await voidCoupon(ctx.dataSource, args)).coupon;
  },

  /** A member's own opinion: staff cannot rate for them. */
  rateBenefit: async (_, args, ctx) => {
    const { identity } = ctx;
    if (identity.kind !== 'MEMBER' || !identity.subject) {
      throw new DomainError(identity.kind === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN', 'only a member rates benefits');
    }
    return (await rateBenefit(ctx.dataSource, { ...args, memberId: identity.subject })).rating;
  },

  setOccasionReward: async (_, args, ctx) => {
    requireStaff(ctx.identity, PROGRAMME_ROLES);
    return (await setOccasionReward(ctx.dataSource, args, actorOf(ctx.identity))).reward;
  },

  definePartner: (_, args, ctx) => {
    requireStaff(ctx.identity, PROGRAMME_ROLES);
    return definePartner(ctx.dataSource, args, actorOf(ctx.identity));
  },

  definePartnerOffer: (_, args, ctx) => {
    requireStaff(ctx.identity, PROGRAMME_ROLES);
    return definePartnerOffer(ctx.dataSource, args.input, actorOf(ctx.identity));
  },

  redeemPartnerOffer: (_, args, ctx) =>
    redeemPartnerOffer(ctx.dataSource, ctx.peers.member, args, redemptionCaller(ctx.identity), { utcOffsetMinutes: ctx.utcOffsetMinutes }),
};
