// Original file: proto/campaign.proto

import type { CampaignGrant as _membergraph_campaign_v1_CampaignGrant, CampaignGrant__Output as _membergraph_campaign_v1_CampaignGrant__Output } from '../../../membergraph/campaign/v1/CampaignGrant';

export interface RecordActionResponse {
  /**
   * The rewards this action earned (points per campaign; a coupon counts as extra_points 0).
   */
  'grants'?: (_membergraph_campaign_v1_CampaignGrant)[];
}

export interface RecordActionResponse__Output {
  /**
   * The rewards this action earned (points per campaign; a coupon counts as extra_points 0).
   */
  'grants': (_membergraph_campaign_v1_CampaignGrant__Output)[];
}
