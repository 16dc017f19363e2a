// Original file: proto/member.proto

import type { MemberConsents as _membergraph_member_v1_MemberConsents, MemberConsents__Output as _membergraph_member_v1_MemberConsents__Output } from '../../../membergraph/member/v1/MemberConsents';

export interface GetConsentsResponse {
  'members'?: (_membergraph_member_v1_MemberConsents)[];
}

export interface GetConsentsResponse__Output {
  'members': (_membergraph_member_v1_MemberConsents__Output)[];
}
