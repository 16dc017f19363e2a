// Original file: proto/campaign.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The window of a SCHEDULED campaign that counts an order as an action (FIRST_MINI_PROGRAM_ORDER).
 */
export interface OrderActionCampaign {
  'campaignId'?: (string);
  'startsAtEpochMs'?: (number | string | Long);
  'endsAtEpochMs'?: (number | string | Long);
}

/**
 * The window of a SCHEDULED campaign that counts an order as an action (FIRST_MINI_PROGRAM_ORDER).
 */
export interface OrderActionCampaign__Output {
  'campaignId': (string);
  'startsAtEpochMs': (string);
  'endsAtEpochMs': (string);
}
