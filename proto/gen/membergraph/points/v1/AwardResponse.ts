// Original file: proto/points.proto

import type { Long } from '@grpc/proto-loader';

export interface AwardResponse {
  'points'?: (number | string | Long);
  'balanceAfter'?: (number | string | Long);
  'replayed'?: (boolean);
}

export interface AwardResponse__Output {
  'points': (string);
  'balanceAfter': (string);
  'replayed': (boolean);
}
