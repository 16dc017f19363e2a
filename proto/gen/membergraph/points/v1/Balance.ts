// Original file: proto/points.proto

import type { Long } from '@grpc/proto-loader';

export interface Balance {
  'memberId'?: (string);
  /**
   * Points are integers; int64 travels as a decimal string in the generated types.
   */
  'balance'?: (number | string | Long);
}

export interface Balance__Output {
  'memberId': (string);
  /**
   * Points are integers; int64 travels as a decimal string in the generated types.
   */
  'balance': (string);
}
