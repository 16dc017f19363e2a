// Original file: proto/points.proto

import type { Long } from '@grpc/proto-loader';

export interface HoldPointsRequest {
  'memberId'?: (string);
  /**
   * Points to hold, > 0.
   */
  'points'?: (number | string | Long);
  /**
   * The caller's key for this hold (e.g. REWARD:<redemption id>); at most 100 characters.
   */
  'holdKey'?: (string);
  /**
   * The caller's reference, e.g. the redemption id; recorded on the ledger entry at capture.
   */
  'sourceRef'?: (string);
  'reason'?: (string);
  /**
   * When the hold lapses if never captured (epoch ms, as a decimal string); 0: the service's default TTL.
   */
  'expiresAtMs'?: (number | string | Long);
}

export interface HoldPointsRequest__Output {
  'memberId': (string);
  /**
   * Points to hold, > 0.
   */
  'points': (string);
  /**
   * The caller's key for this hold (e.g. REWARD:<redemption id>); at most 100 characters.
   */
  'holdKey': (string);
  /**
   * The caller's reference, e.g. the redemption id; recorded on the ledger entry at capture.
   */
  'sourceRef': (string);
  'reason': (string);
  /**
   * When the hold lapses if never captured (epoch ms, as a decimal string); 0: the service's default TTL.
   */
  'expiresAtMs': (string);
}
