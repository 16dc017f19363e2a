// Original file: proto/points.proto

import type { Long } from '@grpc/proto-loader';

export interface PurchaseStats {
  'memberId'?: (string);
  /**
   * Purchases placed in the window and not wholly refunded.
   */
  'purchases'?: (number);
  /**
   * Spend in the window net of refunds, in fen.
   */
  'spendFen'?: (number | string | Long);
  /**
   * The latest and the first purchase ever (not wholly refunded), in milliseconds since the epoch; 0: none.
   */
  'lastPurchaseEpochMs'?: (number | string | Long);
  'firstPurchaseEpochMs'?: (number | string | Long);
  /**
   * Purchases ever (not wholly refunded): "used to buy often".
   */
  'purchasesEver'?: (number);
  /**
   * Engagement in the window: daily check-ins, and distinct channels purchased through.
   */
  'checkIns'?: (number);
  'channels'?: (number);
}

export interface PurchaseStats__Output {
  'memberId': (string);
  /**
   * Purchases placed in the window and not wholly refunded.
   */
  'purchases': (number);
  /**
   * Spend in the window net of refunds, in fen.
   */
  'spendFen': (string);
  /**
   * The latest and the first purchase ever (not wholly refunded), in milliseconds since the epoch; 0: none.
   */
  'lastPurchaseEpochMs': (string);
  'firstPurchaseEpochMs': (string);
  /**
   * Purchases ever (not wholly refunded): "used to buy often".
   */
  'purchasesEver': (number);
  /**
   * Engagement in the window: daily check-ins, and distinct channels purchased through.
   */
  'checkIns': (number);
  'channels': (number);
}
