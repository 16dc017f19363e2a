// Original file: proto/points.proto

import type { Long } from '@grpc/proto-loader';

export interface StreamPurchaseStatsRequest {
  /**
   * The end of the window, in milliseconds since the epoch; 0 means now.
   */
  'asOfEpochMs'?: (number | string | Long);
  /**
   * The window purchases, spend and check-ins are counted over, in days (1–3660).
   */
  'windowDays'?: (number);
  /**
   * Members per batch: 1–5,000; 0 means 500.
   */
  'batchSize'?: (number);
}

export interface StreamPurchaseStatsRequest__Output {
  /**
   * The end of the window, in milliseconds since the epoch; 0 means now.
   */
  'asOfEpochMs': (string);
  /**
   * The window purchases, spend and check-ins are counted over, in days (1–3660).
   */
  'windowDays': (number);
  /**
   * Members per batch: 1–5,000; 0 means 500.
   */
  'batchSize': (number);
}
