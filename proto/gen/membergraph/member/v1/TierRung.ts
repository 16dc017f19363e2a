// Original file: proto/member.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A rung of the ladder as it stands now.
 */
export interface TierRung {
  'tierId'?: (string);
  'rank'?: (number);
  /**
   * γ in thousandths (1.2 → 1200).
   */
  'multiplierMilli'?: (number);
  'pointsNeverExpire'?: (boolean);
  /**
   * Thresholds over the rolling 12 months: spend in fen and purchases, both (AND) or either (OR).
   */
  'spendThresholdFen'?: (number | string | Long);
  'purchaseThreshold'?: (number);
  /**
   * "AND" or "OR".
   */
  'rule'?: (string);
}

/**
 * A rung of the ladder as it stands now.
 */
export interface TierRung__Output {
  'tierId': (string);
  'rank': (number);
  /**
   * γ in thousandths (1.2 → 1200).
   */
  'multiplierMilli': (number);
  'pointsNeverExpire': (boolean);
  /**
   * Thresholds over the rolling 12 months: spend in fen and purchases, both (AND) or either (OR).
   */
  'spendThresholdFen': (string);
  'purchaseThreshold': (number);
  /**
   * "AND" or "OR".
   */
  'rule': (string);
}
