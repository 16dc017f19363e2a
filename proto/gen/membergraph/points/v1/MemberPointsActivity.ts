// Original file: proto/points.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One ledger movement the models read: points issued or burned.
 */
export interface MemberPointsActivity {
  'atEpochMs'?: (number | string | Long);
  /**
   * "EARN" (issued: earns and bonuses) or "BURN" (redeemed, offset at checkout).
   */
  'kind'?: (string);
  /**
   * Positive.
   */
  'points'?: (number | string | Long);
  /**
   * The ledger entry's source (ORDER, CHECK_IN, CHECKOUT, REGISTRATION …): the models count CHECK_IN
   * earns as check-ins, the programme engagement that points alone records.
   */
  'source'?: (string);
}

/**
 * One ledger movement the models read: points issued or burned.
 */
export interface MemberPointsActivity__Output {
  'atEpochMs': (string);
  /**
   * "EARN" (issued: earns and bonuses) or "BURN" (redeemed, offset at checkout).
   */
  'kind': (string);
  /**
   * Positive.
   */
  'points': (string);
  /**
   * The ledger entry's source (ORDER, CHECK_IN, CHECKOUT, REGISTRATION …): the models count CHECK_IN
   * earns as check-ins, the programme engagement that points alone records.
   */
  'source': (string);
}
