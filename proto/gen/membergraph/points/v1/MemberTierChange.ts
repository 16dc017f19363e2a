// Original file: proto/points.proto

import type { Long } from '@grpc/proto-loader';

export interface MemberTierChange {
  'memberId'?: (string);
  'tierId'?: (string);
  /**
   * Grows with each tier change of the member (member's per-member counter).
   */
  'tierVersion'?: (number | string | Long);
  /**
   * A staff grant, and when it ends in milliseconds since the epoch (0: no end).
   */
  'granted'?: (boolean);
  'grantExpiresEpochMs'?: (number | string | Long);
}

export interface MemberTierChange__Output {
  'memberId': (string);
  'tierId': (string);
  /**
   * Grows with each tier change of the member (member's per-member counter).
   */
  'tierVersion': (string);
  /**
   * A staff grant, and when it ends in milliseconds since the epoch (0: no end).
   */
  'granted': (boolean);
  'grantExpiresEpochMs': (string);
}
