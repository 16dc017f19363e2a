// Original file: proto/points.proto

import type { Long } from '@grpc/proto-loader';

export interface HoldPointsResponse {
  'held'?: (number | string | Long);
  /**
   * The member's spendable balance after the hold.
   */
  'availableAfter'?: (number | string | Long);
  'expiresAtMs'?: (number | string | Long);
  'replayed'?: (boolean);
}

export interface HoldPointsResponse__Output {
  'held': (string);
  /**
   * The member's spendable balance after the hold.
   */
  'availableAfter': (string);
  'expiresAtMs': (string);
  'replayed': (boolean);
}
