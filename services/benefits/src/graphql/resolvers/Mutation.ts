import { actorOf, requireStaff, requireStoreStaff } from '../../../../kit/src';
import { defineBenefit } from '../../commands/defineBenefit';
import { defineCouponTemplate } from '../../commands/defineCouponTemplate';
import { issueCoupon, type IssueCouponInput } from '../../commands/issueCoupon';
import { redeemCoupons } from '../../commands/redeemCoupons';
import { restoreCoupons } from '../../commands/restoreCoupons';
import { setTierBenefit, type TierBenefitEdit } from '../../commands/setTierBenefit';
import { voidCoupon } from '../../commands/voidCoupon';
import type { BenefitsContext } from '../../context';
import type { CartInput } from '../../domain/checkout';
import type { CouponTemplateInput } from '../../domain/couponTemplate';
import { CHECKOUT_ROLES, checkoutCart, PROGRAMME_ROLES } from '../access';

export const Mutation = {
  defineBenefit: async (_: unknown, args: { code: string; name: string; type: string }, ctx: BenefitsContext) => {
    requireStaff(ctx.identity, PROGRAMME_ROLES);
    return (await defineBenefit(ctx.dataSource, args)).benefit;
  },

  setTierBenefit: (_: unknown, args: TierBenefitEdit, ctx: BenefitsContext) => {
    requireStaff(ctx.identity, PROGRAMME_ROLES);
    return setTierBenefit(ctx.dataSource, args, actorOf(ctx.identity));
  },

  defineCouponTemplate: (_: unknown, args: { input: CouponTemplateInput }, ctx: BenefitsContext) => {
    requireStaff(ctx.identity, PROGRAMME_ROLES);
    return defineCouponTemplate(ctx.dataSource, args.input, actorOf(ctx.identity));
  },

  issueCoupon: (_: unknown, args: IssueCouponInput, ctx: BenefitsContext) => {
    requireStaff(ctx.identity, PROGRAMME_ROLES);
    return issueCoupon(ctx.dataSource, ctx.peers.member, args, actorOf(ctx.identity));
  },

  redeemCoupons: (_: unknown, args: { memberId: string; orderNo: string; cart: CartInput; couponIds: string[] }, ctx: BenefitsContext) => {
    const cart = checkoutCart(ctx.identity, args.memberId, args.cart);
    return redeemCoupons(ctx.dataSource, ctx.peers.member, { ...args, cart }, actorOf(ctx.identity));
  },

  restoreCoupons: (_: unknown, args: { orderNo: string; refundNo: string }, ctx: BenefitsContext) => {
    const atStore = requireStoreStaff(ctx.identity, CHECKOUT_ROLES);
    return restoreCoupons(ctx.dataSource, { ...args, atStore });
  },

  voidCoupon: async (_: unknown, args: { couponId: string; reason: string }, ctx: BenefitsContext) => {
    requireStaff(ctx.identity, PROGRAMME_ROLES);
    return (await voidCoupon(ctx.dataSource, args)).coupon;
  },
};
