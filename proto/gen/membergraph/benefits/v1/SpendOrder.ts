// Original file: proto/benefits.proto

import type { Long } from '@grpc/proto-loader';

export interface SpendOrder {
  /**
   * When the order was placed, ms since the epoch.
   */
  'orderedAtEpochMs'?: (number | string | Long);
  /**
   * Its amount net of refunds, in fen.
   */
  'netFen'?: (number | string | Long);
  /**
   * Whether it counts as a purchase (not wholly refunded).
   */
  'counted'?: (boolean);
}

export interface SpendOrder__Output {
  /**
   * When the order was placed, ms since the epoch.
   */
  'orderedAtEpochMs': (string);
  /**
   * Its amount net of refunds, in fen.
   */
  'netFen': (string);
  /**
   * Whether it counts as a purchase (not wholly refunded).
   */
  'counted': (boolean);
}
