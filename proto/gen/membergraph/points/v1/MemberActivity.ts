// Original file: proto/points.proto

import type { MemberOrderActivity as _membergraph_points_v1_MemberOrderActivity, MemberOrderActivity__Output as _membergraph_points_v1_MemberOrderActivity__Output } from '../../../membergraph/points/v1/MemberOrderActivity';
import type { MemberPointsActivity as _membergraph_points_v1_MemberPointsActivity, MemberPointsActivity__Output as _membergraph_points_v1_MemberPointsActivity__Output } from '../../../membergraph/points/v1/MemberPointsActivity';

/**
 * One member's history, oldest first (orders by ordered_at, points in ledger order).
 */
export interface MemberActivity {
  'memberId'?: (string);
  'orders'?: (_membergraph_points_v1_MemberOrderActivity)[];
  'points'?: (_membergraph_points_v1_MemberPointsActivity)[];
}

/**
 * One member's history, oldest first (orders by ordered_at, points in ledger order).
 */
export interface MemberActivity__Output {
  'memberId': (string);
  'orders': (_membergraph_points_v1_MemberOrderActivity__Output)[];
  'points': (_membergraph_points_v1_MemberPointsActivity__Output)[];
}
