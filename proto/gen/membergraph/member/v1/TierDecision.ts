// Original file: proto/member.proto

import type { Long } from '@grpc/proto-loader';

export interface TierDecision {
  'memberId'?: (string);
  'tierId'?: (string);
  /**
   * True when this call changed the member's tier.
   */
  'changed'?: (boolean);
  /**
   * The member's tier as it stands after this call, for a caller that keeps a copy: a number that
   * grows with each tier change of the member (a copy keeps the highest it has seen), and whether
   * the tier is a staff grant and until when (0: earned, or a grant without an end).
   */
  'tierVersion'?: (number | string | Long);
  'granted'?: (boolean);
  'grantExpiresEpochMs'?: (number | string | Long);
}

export interface TierDecision__Output {
  'memberId': (string);
  'tierId': (string);
  /**
   * True when this call changed the member's tier.
   */
  'changed': (boolean);
  /**
   * The member's tier as it stands after this call, for a caller that keeps a copy: a number that
   * grows with each tier change of the member (a copy keeps the highest it has seen), and whether
   * the tier is a staff grant and until when (0: earned, or a grant without an end).
   */
  'tierVersion': (string);
  'granted': (boolean);
  'grantExpiresEpochMs': (string);
}
