// Original file: proto/points.proto

import type { Long } from '@grpc/proto-loader';

export interface Balance {
  'memberId'?: (string);
  /**
   * Points are integers; int64 travels as a decimal string in the generated types.
   */
  'balance'?: (number | string | Long);
  /**
   * Points held by unfinished two-phase spends: in the balance, not spendable.
   */
  'held'?: (number | string | Long);
}

export interface Balance__Output {
  'memberId': (string);
  /**
   * Points are integers; int64 travels as a decimal string in the generated types.
   */
  'balance': (string);
  /**
   * Points held by unfinished two-phase spends: in the balance, not spendable.
   */
  'held': (string);
}
