// Original file: proto/benefits.proto

import type { SpendOrder as _membergraph_benefits_v1_SpendOrder, SpendOrder__Output as _membergraph_benefits_v1_SpendOrder__Output } from '../../../membergraph/benefits/v1/SpendOrder';
import type { Long } from '@grpc/proto-loader';

/**
 * One member's orders inside the rolling window at as_of: what GetSpendStats answers at any
 * instant from as_of on (until the member's next change) is computed from these alone, as the
 * orders placed before that instant's window start drop out.
 */
export interface MemberSpendWindow {
  'memberId'?: (string);
  /**
   * When points read the orders (every change committed before it is in them), ms since the epoch.
   */
  'asOfEpochMs'?: (number | string | Long);
  /**
   * The window's length (points' rolling 12 months: 365 days), in milliseconds.
   */
  'windowMs'?: (number | string | Long);
  /**
   * The orders placed at or after as_of - window_ms, in any order; empty: none.
   */
  'orders'?: (_membergraph_benefits_v1_SpendOrder)[];
}

/**
 * One member's orders inside the rolling window at as_of: what GetSpendStats answers at any
 * instant from as_of on (until the member's next change) is computed from these alone, as the
 * orders placed before that instant's window start drop out.
 */
export interface MemberSpendWindow__Output {
  'memberId': (string);
  /**
   * When points read the orders (every change committed before it is in them), ms since the epoch.
   */
  'asOfEpochMs': (string);
  /**
   * The window's length (points' rolling 12 months: 365 days), in milliseconds.
   */
  'windowMs': (string);
  /**
   * The orders placed at or after as_of - window_ms, in any order; empty: none.
   */
  'orders': (_membergraph_benefits_v1_SpendOrder__Output)[];
}
