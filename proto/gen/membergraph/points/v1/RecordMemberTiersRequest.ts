// Original file: proto/points.proto

import type { MemberTierChange as _membergraph_points_v1_MemberTierChange, MemberTierChange__Output as _membergraph_points_v1_MemberTierChange__Output } from '../../../membergraph/points/v1/MemberTierChange';

export interface RecordMemberTiersRequest {
  'changes'?: (_membergraph_points_v1_MemberTierChange)[];
}

export interface RecordMemberTiersRequest__Output {
  'changes': (_membergraph_points_v1_MemberTierChange__Output)[];
}
