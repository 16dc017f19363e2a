// Original file: proto/member.proto

import type { Long } from '@grpc/proto-loader';

export interface CountRegistrationsRequest {
  /**
   * [from, to) in milliseconds since the epoch.
   */
  'fromEpochMs'?: (number | string | Long);
  'toEpochMs'?: (number | string | Long);
}

export interface CountRegistrationsRequest__Output {
  /**
   * [from, to) in milliseconds since the epoch.
   */
  'fromEpochMs': (string);
  'toEpochMs': (string);
}
