// Original file: proto/risk.proto

import type { Long } from '@grpc/proto-loader';

export interface AssessRequest {
  /**
   * What is about to happen, e.g. "EARN", "REDEEM".
   */
  'action'?: (string);
  'memberId'?: (string);
  /**
   * Money involved, in fen (0.01 CNY).
   */
  'amountFen'?: (number | string | Long);
  'channel'?: (string);
  'idempotencyKey'?: (string);
}

export interface AssessRequest__Output {
  /**
   * What is about to happen, e.g. "EARN", "REDEEM".
   */
  'action': (string);
  'memberId': (string);
  /**
   * Money involved, in fen (0.01 CNY).
   */
  'amountFen': (string);
  'channel': (string);
  'idempotencyKey': (string);
}
