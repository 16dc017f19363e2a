// Original file: proto/points.proto

import type { Long } from '@grpc/proto-loader';

export interface DebitResponse {
  'entryId'?: (string);
  'balanceAfter'?: (number | string | Long);
  /**
   * True when this key had been applied before and nothing new was written.
   */
  'replayed'?: (boolean);
}

export interface DebitResponse__Output {
  'entryId': (string);
  'balanceAfter': (string);
  /**
   * True when this key had been applied before and nothing new was written.
   */
  'replayed': (boolean);
}
