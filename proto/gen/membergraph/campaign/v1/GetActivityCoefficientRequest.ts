// Original file: proto/campaign.proto

import type { Long } from '@grpc/proto-loader';

export interface GetActivityCoefficientRequest {
  'memberId'?: (string);
  /**
   * When the activity happened, in milliseconds since the epoch; 0 means now.
   */
  'atEpochMs'?: (number | string | Long);
  /**
   * The member's tier at that time (empty: the campaign service asks the member service when a
   * campaign targets tiers).
   */
  'tierId'?: (string);
  /**
   * The order's channel (WEB, MINI_PROGRAM, POS, PARTNER) and store code (empty: none); empty
   * channel means "not about an order" and channel/store targeting is not checked.
   */
  'channel'?: (string);
  'store'?: (string);
  /**
   * ORDER:<order_no>: the earn budgets are reserved for, once (empty: a preview, nothing reserved).
   */
  'orderRef'?: (string);
  /**
   * The earn's figures without the coefficient: amount in fen, base rate and tier multiplier γ in
   * thousandths.
   */
  'amountFen'?: (number | string | Long);
  'baseRateMilli'?: (number);
  'multiplierMilli'?: (number);
}

export interface GetActivityCoefficientRequest__Output {
  'memberId': (string);
  /**
   * When the activity happened, in milliseconds since the epoch; 0 means now.
   */
  'atEpochMs': (string);
  /**
   * The member's tier at that time (empty: the campaign service asks the member service when a
   * campaign targets tiers).
   */
  'tierId': (string);
  /**
   * The order's channel (WEB, MINI_PROGRAM, POS, PARTNER) and store code (empty: none); empty
   * channel means "not about an order" and channel/store targeting is not checked.
   */
  'channel': (string);
  'store': (string);
  /**
   * ORDER:<order_no>: the earn budgets are reserved for, once (empty: a preview, nothing reserved).
   */
  'orderRef': (string);
  /**
   * The earn's figures without the coefficient: amount in fen, base rate and tier multiplier γ in
   * thousandths.
   */
  'amountFen': (string);
  'baseRateMilli': (number);
  'multiplierMilli': (number);
}
