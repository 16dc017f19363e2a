// Original file: proto/campaign.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A SCHEDULED MULTIPLIER campaign as an order's coefficient needs it. An empty target list means
 * no restriction (never "nobody").
 */
export interface EarnCampaign {
  'campaignId'?: (string);
  /**
   * In thousandths (2.0 → 2000).
   */
  'coefficientMilli'?: (number);
  /**
   * Live in [starts_at, ends_at), milliseconds since the epoch.
   */
  'startsAtEpochMs'?: (number | string | Long);
  'endsAtEpochMs'?: (number | string | Long);
  /**
   * It has a points budget: every order it admits reserves from it (GetActivityCoefficient).
   */
  'budgeted'?: (boolean);
  'targetTiers'?: (string)[];
  'targetChannels'?: (string)[];
  'targetStores'?: (string)[];
  /**
   * Its targeting needs facts only this service holds or asks for: segment membership, marketing consent.
   */
  'targetsSegments'?: (boolean);
  'requiresMarketingConsent'?: (boolean);
}

/**
 * A SCHEDULED MULTIPLIER campaign as an order's coefficient needs it. An empty target list means
 * no restriction (never "nobody").
 */
export interface EarnCampaign__Output {
  'campaignId': (string);
  /**
   * In thousandths (2.0 → 2000).
   */
  'coefficientMilli': (number);
  /**
   * Live in [starts_at, ends_at), milliseconds since the epoch.
   */
  'startsAtEpochMs': (string);
  'endsAtEpochMs': (string);
  /**
   * It has a points budget: every order it admits reserves from it (GetActivityCoefficient).
   */
  'budgeted': (boolean);
  'targetTiers': (string)[];
  'targetChannels': (string)[];
  'targetStores': (string)[];
  /**
   * Its targeting needs facts only this service holds or asks for: segment membership, marketing consent.
   */
  'targetsSegments': (boolean);
  'requiresMarketingConsent': (boolean);
}
