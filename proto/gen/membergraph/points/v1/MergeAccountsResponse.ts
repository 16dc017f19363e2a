// Original file: proto/points.proto

import type { Long } from '@grpc/proto-loader';

export interface MergeAccountsResponse {
  /**
   * Points moved (the source's balance at the merge) and the target's balance after it.
   */
  'pointsMoved'?: (number | string | Long);
  'targetBalanceAfter'?: (number | string | Long);
  'replayed'?: (boolean);
}

export interface MergeAccountsResponse__Output {
  /**
   * Points moved (the source's balance at the merge) and the target's balance after it.
   */
  'pointsMoved': (string);
  'targetBalanceAfter': (string);
  'replayed': (boolean);
}
