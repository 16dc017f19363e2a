// Original file: proto/benefits.proto

import type { Long } from '@grpc/proto-loader';

export interface GrantMilestoneRewardRequest {
  /**
   * The member service's id of the milestone: the key that makes the reward once.
   */
  'milestoneId'?: (string);
  'memberId'?: (string);
  /**
   * FIRST_TOP_TIER or TWELFTH_PURCHASE.
   */
  'kind'?: (string);
  'reachedAtEpochMs'?: (number | string | Long);
}

export interface GrantMilestoneRewardRequest__Output {
  /**
   * The member service's id of the milestone: the key that makes the reward once.
   */
  'milestoneId': (string);
  'memberId': (string);
  /**
   * FIRST_TOP_TIER or TWELFTH_PURCHASE.
   */
  'kind': (string);
  'reachedAtEpochMs': (string);
}
