// Original file: proto/campaign.proto

import type { Long } from '@grpc/proto-loader';

export interface RecordActionRequest {
  'memberId'?: (string);
  /**
   * CHECK_IN, PROFILE_COMPLETION or FIRST_MINI_PROGRAM_ORDER.
   */
  'action'?: (string);
  /**
   * Unique per member and action at the source (a check-in's programme day, "PROFILE").
   */
  'ref'?: (string);
  'atEpochMs'?: (number | string | Long);
  /**
   * For targeting, when the source knows them (empty: not sent).
   */
  'tierId'?: (string);
  'channel'?: (string);
  'store'?: (string);
}

export interface RecordActionRequest__Output {
  'memberId': (string);
  /**
   * CHECK_IN, PROFILE_COMPLETION or FIRST_MINI_PROGRAM_ORDER.
   */
  'action': (string);
  /**
   * Unique per member and action at the source (a check-in's programme day, "PROFILE").
   */
  'ref': (string);
  'atEpochMs': (string);
  /**
   * For targeting, when the source knows them (empty: not sent).
   */
  'tierId': (string);
  'channel': (string);
  'store': (string);
}
