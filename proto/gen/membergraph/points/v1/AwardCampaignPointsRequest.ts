// Original file: proto/points.proto

import type { Long } from '@grpc/proto-loader';

export interface AwardCampaignPointsRequest {
  'memberId'?: (string);
  /**
   * Points to credit, > 0.
   */
  'points'?: (number | string | Long);
  'reason'?: (string);
  /**
   * Namespaced by the campaign service, e.g. REFERRAL:<referrer>:<rung>.
   */
  'idempotencyKey'?: (string);
}

export interface AwardCampaignPointsRequest__Output {
  'memberId': (string);
  /**
   * Points to credit, > 0.
   */
  'points': (string);
  'reason': (string);
  /**
   * Namespaced by the campaign service, e.g. REFERRAL:<referrer>:<rung>.
   */
  'idempotencyKey': (string);
}
