// Original file: proto/member.proto

import type { SegmentProfile as _membergraph_member_v1_SegmentProfile, SegmentProfile__Output as _membergraph_member_v1_SegmentProfile__Output } from '../../../membergraph/member/v1/SegmentProfile';

export interface SegmentProfileBatch {
  'profiles'?: (_membergraph_member_v1_SegmentProfile)[];
}

export interface SegmentProfileBatch__Output {
  'profiles': (_membergraph_member_v1_SegmentProfile__Output)[];
}
