import { milliToNumber } from '../../../../kit/src';
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
};

export const CampaignTarget: CampaignTargetResolvers = {
  tiers: (campaign) => campaign.targetTiers ?? [],
  channels: (campaign) => (campaign.targetChannels ?? []) as never,
  stores: (campaign) => campaign.targetStores ?? [],
  segments: (campaign) => campaign.targetSegments ?? [],
  requireMarketingConsent: (campaign) => campaign.requireMarketingConsent,
};
