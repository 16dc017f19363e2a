import type { Resolvers } from '../__generated__/resolvers-types';
import { Benefit, BenefitRating, BenefitRatingSummary, MemberBenefit, TierBenefitRevision } from './Benefit';
import { CheckoutValidation, CouponCheck, CouponRedemption, DiscountLine } from './Checkout';
import { Coupon } from './Coupon';
import { CouponTemplate } from './CouponTemplate';
import { Member } from './Member';
import { Mutation } from './Mutation';
import { OccasionReward } from './OccasionReward';
import { ClearingEntry, PartnerOffer, PartnerRedemption, PartnerStatement } from './Partner';
import { Query } from './Query';
import { Reward, RewardRedemption, rewardMember, rewardMutation, rewardQuery } from './Rewards';
import { Tier } from './Tier';

export const resolvers: Resolvers = {
  Query: { ...Query, ...rewardQuery },
  Mutation: { ...Mutation, ...rewardMutation },
  Benefit,
  MemberBenefit,
  BenefitRating,
  BenefitRatingSummary,
  TierBenefitRevision,
  Member: { ...Member, ...rewardMember },
  Tier,
  OccasionReward,
  PartnerOffer,
  ClearingEntry,
  PartnerRedemption,
  PartnerStatement,
  Coupon,
  CouponTemplate,
  CheckoutValidation,
  CouponCheck,
  CouponRedemption,
  DiscountLine,
  Reward,
  RewardRedemption,
};
