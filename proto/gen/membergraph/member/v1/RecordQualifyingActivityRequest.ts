// Original file: proto/member.proto

import type { QualifyingActivity as _membergraph_member_v1_QualifyingActivity, QualifyingActivity__Output as _membergraph_member_v1_QualifyingActivity__Output } from '../../../membergraph/member/v1/QualifyingActivity';
import type { Long } from '@grpc/proto-loader';

export interface RecordQualifyingActivityRequest {
  'activity'?: (_membergraph_member_v1_QualifyingActivity | null);
  /**
   * When each order refunded since the last report was placed, milliseconds since the epoch: a
   * tier reached within such an order's return window is recomputed from the remaining activity.
   */
  'refundedOrdersAtEpochMs'?: (number | string | Long)[];
}

export interface RecordQualifyingActivityRequest__Output {
  'activity': (_membergraph_member_v1_QualifyingActivity__Output | null);
  /**
   * When each order refunded since the last report was placed, milliseconds since the epoch: a
   * tier reached within such an order's return window is recomputed from the remaining activity.
   */
  'refundedOrdersAtEpochMs': (string)[];
}
