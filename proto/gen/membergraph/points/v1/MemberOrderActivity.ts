// Original file: proto/points.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One order as the models read it.
 */
export interface MemberOrderActivity {
  'orderedAtEpochMs'?: (number | string | Long);
  'amountFen'?: (number | string | Long);
  'refundedFen'?: (number | string | Long);
}

/**
 * One order as the models read it.
 */
export interface MemberOrderActivity__Output {
  'orderedAtEpochMs': (string);
  'amountFen': (string);
  'refundedFen': (string);
}
