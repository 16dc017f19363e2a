// Original file: proto/campaign.proto

import type { CampaignGrant as _membergraph_campaign_v1_CampaignGrant, CampaignGrant__Output as _membergraph_campaign_v1_CampaignGrant__Output } from '../../../membergraph/campaign/v1/CampaignGrant';

export interface GetActivityCoefficientResponse {
  /**
   * In thousandths (2.0 → 2000), so the earn formula stays in integers.
   */
  'coefficientMilli'?: (number);
  /**
   * The campaigns applied: under MAX the one whose coefficient counts, under MULTIPLY every factor.
   */
  'campaignIds'?: (string)[];
  /**
   * The extra points each applied campaign granted (what its budget was charged).
   */
  'grants'?: (_membergraph_campaign_v1_CampaignGrant)[];
  /**
   * The answer stored for order_ref earlier.
   */
  'replayed'?: (boolean);
  /**
   * The stored answer (empty when nothing was reserved or stored): what ReturnBudget names when the
   * earn is refused.
   */
  'reservationId'?: (string);
}

export interface GetActivityCoefficientResponse__Output {
  /**
   * In thousandths (2.0 → 2000), so the earn formula stays in integers.
   */
  'coefficientMilli': (number);
  /**
   * The campaigns applied: under MAX the one whose coefficient counts, under MULTIPLY every factor.
   */
  'campaignIds': (string)[];
  /**
   * The extra points each applied campaign granted (what its budget was charged).
   */
  'grants': (_membergraph_campaign_v1_CampaignGrant__Output)[];
  /**
   * The answer stored for order_ref earlier.
   */
  'replayed': (boolean);
  /**
   * The stored answer (empty when nothing was reserved or stored): what ReturnBudget names when the
   * earn is refused.
   */
  'reservationId': (string);
}
