// Original file: proto/points.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One member's rolling-12-month activity, net of refunds, by when orders were placed.
 */
export interface SpendStats {
  'memberId'?: (string);
  /**
   * Spend net of refunds, in fen.
   */
  'spendFen'?: (number | string | Long);
  /**
   * Purchases not wholly refunded.
   */
  'purchases'?: (number);
  /**
   * The latest such purchase in the window, in milliseconds since the epoch; 0: none.
   */
  'lastPurchaseEpochMs'?: (number | string | Long);
}

/**
 * One member's rolling-12-month activity, net of refunds, by when orders were placed.
 */
export interface SpendStats__Output {
  'memberId': (string);
  /**
   * Spend net of refunds, in fen.
   */
  'spendFen': (string);
  /**
   * Purchases not wholly refunded.
   */
  'purchases': (number);
  /**
   * The latest such purchase in the window, in milliseconds since the epoch; 0: none.
   */
  'lastPurchaseEpochMs': (string);
}
