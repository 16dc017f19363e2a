// Original file: proto/points.proto

import type { Long } from '@grpc/proto-loader';

export interface DebitRequest {
  'memberId'?: (string);
  /**
   * Points to take, > 0.
   */
  'points'?: (number | string | Long);
  /**
   * Where the burn comes from: "REDEMPTION", "CHECKOUT".
   */
  'source'?: (string);
  /**
   * The caller's reference, e.g. the redemption or order number.
   */
  'sourceRef'?: (string);
  'reason'?: (string);
  'idempotencyKey'?: (string);
}

export interface DebitRequest__Output {
  'memberId': (string);
  /**
   * Points to take, > 0.
   */
  'points': (string);
  /**
   * Where the burn comes from: "REDEMPTION", "CHECKOUT".
   */
  'source': (string);
  /**
   * The caller's reference, e.g. the redemption or order number.
   */
  'sourceRef': (string);
  'reason': (string);
  'idempotencyKey': (string);
}
