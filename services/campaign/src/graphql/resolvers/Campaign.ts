import { milliToNumber } from '../../../../kit/src';
import { isLive } from '../../domain/coefficient';
import type { CampaignResolvers } from '../__generated__/resolvers-types';

export const Campaign: CampaignResolvers = {
  activityCoefficient: (campaign) => milliToNumber(campaign.coefficientMilli),
  startsAt: (campaign) => campaign.startsAt.toISOString(),
  endsAt: (campaign) => campaign.endsAt.toISOString(),
  live: (campaign) => isLive(campaign, new Date()),
};
