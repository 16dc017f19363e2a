// Original file: proto/member.proto

import type { PartnerMemberLink as _membergraph_member_v1_PartnerMemberLink, PartnerMemberLink__Output as _membergraph_member_v1_PartnerMemberLink__Output } from '../../../membergraph/member/v1/PartnerMemberLink';

export interface ResolvePartnerMembersResponse {
  'links'?: (_membergraph_member_v1_PartnerMemberLink)[];
}

export interface ResolvePartnerMembersResponse__Output {
  'links': (_membergraph_member_v1_PartnerMemberLink__Output)[];
}
