// Original file: proto/benefits.proto

import type { Long } from '@grpc/proto-loader';

export interface IssueCouponResponse {
  'couponId'?: (string);
  'validFromEpochMs'?: (number | string | Long);
  'validToEpochMs'?: (number | string | Long);
  /**
   * True when the key had already issued this coupon.
   */
  'replayed'?: (boolean);
}

export interface IssueCouponResponse__Output {
  'couponId': (string);
  'validFromEpochMs': (string);
  'validToEpochMs': (string);
  /**
   * True when the key had already issued this coupon.
   */
  'replayed': (boolean);
}
