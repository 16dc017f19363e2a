// Original file: proto/campaign.proto

import type { EarnCampaign as _membergraph_campaign_v1_EarnCampaign, EarnCampaign__Output as _membergraph_campaign_v1_EarnCampaign__Output } from '../../../membergraph/campaign/v1/EarnCampaign';
import type { OrderActionCampaign as _membergraph_campaign_v1_OrderActionCampaign, OrderActionCampaign__Output as _membergraph_campaign_v1_OrderActionCampaign__Output } from '../../../membergraph/campaign/v1/OrderActionCampaign';
import type { Long } from '@grpc/proto-loader';

export interface ListEarnCampaignsResponse {
  /**
   * Every SCHEDULED MULTIPLIER campaign ending after holds_from_epoch_ms, earliest start first.
   */
  'campaigns'?: (_membergraph_campaign_v1_EarnCampaign)[];
  /**
   * How several apply: MAX or MULTIPLY (the programme setting, or the configured default).
   */
  'combination'?: (string);
  /**
   * The calendar holds every campaign live at any instant after this one (its read, less a look-back
   * so an order placed just before the read is still answered from it); an order at or before it is
   * asked of GetActivityCoefficient.
   */
  'holdsFromEpochMs'?: (number | string | Long);
  /**
   * Campaigns counting a MINI_PROGRAM order as FIRST_MINI_PROGRAM_ORDER that end after
   * holds_from_epoch_ms: such an order, placed while one is live, is asked of GetActivityCoefficient,
   * which counts it.
   */
  'miniProgramOrderCampaigns'?: (_membergraph_campaign_v1_OrderActionCampaign)[];
  /**
   * An invitee's first purchase qualifies their referral (REFERRAL_QUALIFYING_EVENT=FIRST_PURCHASE):
   * every order is asked of GetActivityCoefficient, which records it.
   */
  'ordersQualifyReferrals'?: (boolean);
}

export interface ListEarnCampaignsResponse__Output {
  /**
   * Every SCHEDULED MULTIPLIER campaign ending after holds_from_epoch_ms, earliest start first.
   */
  'campaigns': (_membergraph_campaign_v1_EarnCampaign__Output)[];
  /**
   * How several apply: MAX or MULTIPLY (the programme setting, or the configured default).
   */
  'combination': (string);
  /**
   * The calendar holds every campaign live at any instant after this one (its read, less a look-back
   * so an order placed just before the read is still answered from it); an order at or before it is
   * asked of GetActivityCoefficient.
   */
  'holdsFromEpochMs': (string);
  /**
   * Campaigns counting a MINI_PROGRAM order as FIRST_MINI_PROGRAM_ORDER that end after
   * holds_from_epoch_ms: such an order, placed while one is live, is asked of GetActivityCoefficient,
   * which counts it.
   */
  'miniProgramOrderCampaigns': (_membergraph_campaign_v1_OrderActionCampaign__Output)[];
  /**
   * An invitee's first purchase qualifies their referral (REFERRAL_QUALIFYING_EVENT=FIRST_PURCHASE):
   * every order is asked of GetActivityCoefficient, which records it.
   */
  'ordersQualifyReferrals': (boolean);
}
