// Original file: proto/points.proto

import type { Long } from '@grpc/proto-loader';

export interface CapturePointsResponse {
  'entryId'?: (string);
  'balanceAfter'?: (number | string | Long);
  'replayed'?: (boolean);
}

export interface CapturePointsResponse__Output {
  'entryId': (string);
  'balanceAfter': (string);
  'replayed': (boolean);
}
