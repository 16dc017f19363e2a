// Original file: proto/points.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A page of members in member id order (keyset: after_member_id).
 */
export interface ListMemberActivityRequest {
  /**
   * Members after this id (exclusive); empty: from the first.
   */
  'afterMemberId'?: (string);
  /**
   * At most this many members (1–1000).
   */
  'limit'?: (number);
  /**
   * Only what happened before this instant (0: now).
   */
  'beforeEpochMs'?: (number | string | Long);
}

/**
 * A page of members in member id order (keyset: after_member_id).
 */
export interface ListMemberActivityRequest__Output {
  /**
   * Members after this id (exclusive); empty: from the first.
   */
  'afterMemberId': (string);
  /**
   * At most this many members (1–1000).
   */
  'limit': (number);
  /**
   * Only what happened before this instant (0: now).
   */
  'beforeEpochMs': (string);
}
