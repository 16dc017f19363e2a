import type { Resolvers } from '../__generated__/resolvers-types';
import { Benefit, TierBenefitRevision } from './Benefit';
import { CheckoutValidation, CouponCheck, CouponRedemption, DiscountLine } from './Checkout';
import { Coupon } from './Coupon';
import { CouponTemplate } from './CouponTemplate';
import { Member } from './Member';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { Tier } from './Tier';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Benefit,
  TierBenefitRevision,
  Member,
  Tier,
  Coupon,
  CouponTemplate,
  CheckoutValidation,
  CouponCheck,
  CouponRedemption,
  DiscountLine,
};
