// Original file: proto/points.proto

import type { MemberActivity as _membergraph_points_v1_MemberActivity, MemberActivity__Output as _membergraph_points_v1_MemberActivity__Output } from '../../../membergraph/points/v1/MemberActivity';

/**
 * The page's members (those with a points account), in member id order.
 */
export interface ListMemberActivityResponse {
  'members'?: (_membergraph_points_v1_MemberActivity)[];
  /**
   * The last member id of this page, to pass as after_member_id; empty when there are no more.
   */
  'nextAfterMemberId'?: (string);
}

/**
 * The page's members (those with a points account), in member id order.
 */
export interface ListMemberActivityResponse__Output {
  'members': (_membergraph_points_v1_MemberActivity__Output)[];
  /**
   * The last member id of this page, to pass as after_member_id; empty when there are no more.
   */
  'nextAfterMemberId': (string);
}
