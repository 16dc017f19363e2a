import { sharePayloads } from '../../domain/referral';
import type {
  HeldReferralResolvers,
  ReferralDecisionResolvers,
  ReferralResolvers,
  ReferralRewardResolvers,
  ReferralRungResolvers,
  ReferralRungVersionResolvers,
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
  rungVersion: (reward, _, ctx) => (reward.rungRevision === null ? null : ctx.loaders.rungVersion.load(reward.rungRevision)),
};

export const ReferralRung: ReferralRungResolvers = {
  kind: (rung) => rung.reward,
  effectiveFrom: (rung) => rung.effectiveFrom.toISOString(),
};

export const ReferralRungVersion: ReferralRungVersionResolvers = {
  kind: (version) => version.reward,
  effectiveFrom: (version) => version.effectiveFrom.toISOString(),
  recordedAt: (version) => version.recordedAt.toISOString(),
};

export const HeldReferral: HeldReferralResolvers = {
  id: (referral) => referral.memberId,
  inviterId: (referral) => referral.inviterId!,
  channel: (referral) => referral.channel as never,
  registeredAt: (referral) => referral.registeredAt.toISOString(),
  qualifiedAt: (referral) => referral.qualifiedAt?.toISOString() ?? null,
  status: (referral) => referral.status as never,
  heldAt: (referral) => referral.heldAt?.toISOString() ?? null,
  decision: (referral, _, ctx) => ctx.loaders.referralDecision.load(referral.memberId),
};

export const ReferralDecision: ReferralDecisionResolvers = {
  decidedAt: (decision) => decision.decidedAt.toISOString(),
};
