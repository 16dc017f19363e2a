import { milliToNumber } from '../../../../kit/src';
import type { Campaign as CampaignRow } from '../../db/entities/Campaign';
import { isLive } from '../../domain/coefficient';

export const Campaign = {
  activityCoefficient: (campaign: CampaignRow) => milliToNumber(campaign.coefficientMilli),
  startsAt: (campaign: CampaignRow) => campaign.startsAt.toISOString(),
  endsAt: (campaign: CampaignRow) => campaign.endsAt.toISOString(),
  live: (campaign: CampaignRow) => isLive(campaign, new Date()),
};
