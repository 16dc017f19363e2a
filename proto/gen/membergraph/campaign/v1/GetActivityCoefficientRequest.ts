// Original file: proto/campaign.proto

import type { Long } from '@grpc/proto-loader';

export interface GetActivityCoefficientRequest {
  'memberId'?: (string);
  /**
   * When the activity happened, in milliseconds since the epoch; 0 means now.
   */
  'atEpochMs'?: (number | string | Long);
}

export interface GetActivityCoefficientRequest__Output {
  'memberId': (string);
  /**
   * When the activity happened, in milliseconds since the epoch; 0 means now.
   */
  'atEpochMs': (string);
}
