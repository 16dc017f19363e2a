// Original file: proto/member.proto

import type { MemberBirthday as _membergraph_member_v1_MemberBirthday, MemberBirthday__Output as _membergraph_member_v1_MemberBirthday__Output } from '../../../membergraph/member/v1/MemberBirthday';

export interface ListBirthdaysResponse {
  'members'?: (_membergraph_member_v1_MemberBirthday)[];
  /**
   * The id to ask after for the next page; empty when this page was the last.
   */
  'nextAfterMemberId'?: (string);
}

export interface ListBirthdaysResponse__Output {
  'members': (_membergraph_member_v1_MemberBirthday__Output)[];
  /**
   * The id to ask after for the next page; empty when this page was the last.
   */
  'nextAfterMemberId': (string);
}
