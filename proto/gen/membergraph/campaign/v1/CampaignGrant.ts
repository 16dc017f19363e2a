// Original file: proto/campaign.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A budgeted campaign's share of an earn: the extra points it granted.
 */
export interface CampaignGrant {
  'campaignId'?: (string);
  'extraPoints'?: (number | string | Long);
}

/**
 * A budgeted campaign's share of an earn: the extra points it granted.
 */
export interface CampaignGrant__Output {
  'campaignId': (string);
  'extraPoints': (string);
}
