import { milliToNumber } from '../../../../kit/src';
import { fromSharedCopy } from '../../db/liveCampaigns';
import { isLive } from '../../domain/coefficient';
import { stateAt } from '../../domain/lifecycle';
import type { CampaignResolvers, CampaignTargetResolvers } from '../__generated__/resolvers-types';

export const Campaign: CampaignResolvers = {
  state: (campaign) => stateAt(campaign, new Date()),
  activityCoefficient: (campaign) => milliToNumber(campaign.coefficientMilli),
  startsAt: (campaign) => campaign.startsAt.toISOString(),
  endsAt: (campaign) => campaign.endsAt.toISOString(),
  live: (campaign) => campaign.status === 'SCHEDULED' && isLive(campaign, new Date()),
  target: (campaign) => campaign,
  // A shared copy's counters are as old as its read, and every earn moves them: read them now.
  spentPoints: async (campaign, _, ctx) =>
    fromSharedCopy(campaign)
      ? ((await ctx.loaders.campaignSpend.load(campaign.id))?.spentPoints ?? campaign.spentPoints)
      : campaign.spentPoints,
  spentCoupons: async (campaign, _, ctx) =>
    fromSharedCopy(campaign)
      ? ((await ctx.loaders.campaignSpend.load(campaign.id))?.spentCoupons ?? campaign.spentCoupons)
      : campaign.spentCoupons,
};

export const CampaignTarget: CampaignTargetResolvers = {
  tiers: (campaign) => campaign.targetTiers ?? [],
  channels: (campaign) => (campaign.targetChannels ?? []) as never,
  stores: (campaign) => campaign.targetStores ?? [],
  segments: (campaign) => campaign.targetSegments ?? [],
  requireMarketingConsent: (campaign) => campaign.requireMarketingConsent,
};
