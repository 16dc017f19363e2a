// Original file: proto/campaign.proto

import type { Long } from '@grpc/proto-loader';

export interface GetMemberEngagementRequest {
  /**
   * At most 1000 member ids; repeats are answered once.
   */
  'memberIds'?: (string)[];
  /**
   * Events at or after this instant (0: from the first).
   */
  'sinceEpochMs'?: (number | string | Long);
  /**
   * Events before this instant (0: now).
   */
  'beforeEpochMs'?: (number | string | Long);
}

export interface GetMemberEngagementRequest__Output {
  /**
   * At most 1000 member ids; repeats are answered once.
   */
  'memberIds': (string)[];
  /**
   * Events at or after this instant (0: from the first).
   */
  'sinceEpochMs': (string);
  /**
   * Events before this instant (0: now).
   */
  'beforeEpochMs': (string);
}
