import { sharePayloads } from '../../domain/referral';
import type {
  ReferralResolvers,
  ReferralRewardResolvers,
  ReferralRungResolvers,
  ReferredFriendResolvers,
} from '../__generated__/resolvers-types';

export const Referral: ReferralResolvers = {
  code: (referral, _, ctx) => ctx.loaders.referralCode.load(referral.memberId),
  shares: async (referral, _, ctx) =>
    sharePayloads(await ctx.loaders.referralCode.load(referral.memberId), ctx.config.referral.webLinkBase),
  invited: (referral, _, ctx) => ctx.loaders.invitedBy.load(referral.memberId),
  rewards: (referral, _, ctx) => ctx.loaders.referralRewardsOf.load(referral.memberId),
};

export const ReferredFriend: ReferredFriendResolvers = {
  channel: (friend) => friend.channel as never,
  registeredAt: (friend) => friend.registeredAt.toISOString(),
  status: (friend) => friend.status as never,
};

export const ReferralReward: ReferralRewardResolvers = {
  kind: (reward) => reward.reward,
};

export const ReferralRung: ReferralRungResolvers = {
  kind: (rung) => rung.reward,
};
