// Original file: proto/member.proto

import type { MemberTier as _membergraph_member_v1_MemberTier, MemberTier__Output as _membergraph_member_v1_MemberTier__Output } from '../../../membergraph/member/v1/MemberTier';

export interface GetMemberTiersResponse {
  'tiers'?: (_membergraph_member_v1_MemberTier)[];
}

export interface GetMemberTiersResponse__Output {
  'tiers': (_membergraph_member_v1_MemberTier__Output)[];
}
