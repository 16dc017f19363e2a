// Original file: proto/member.proto

import type { Long } from '@grpc/proto-loader';

export interface QualifyingActivity {
  'memberId'?: (string);
  /**
   * Spend over the rolling last 12 months, net of refunds, in fen.
   */
  'spendFen'?: (number | string | Long);
  'purchases'?: (number);
  /**
   * When these figures were computed, milliseconds since the epoch.
   */
  'asOfEpochMs'?: (number | string | Long);
}

export interface QualifyingActivity__Output {
  'memberId': (string);
  /**
   * Spend over the rolling last 12 months, net of refunds, in fen.
   */
  'spendFen': (string);
  'purchases': (number);
  /**
   * When these figures were computed, milliseconds since the epoch.
   */
  'asOfEpochMs': (string);
}
