// Original file: proto/member.proto


export interface PartnerMemberLink {
  'partnerMemberId'?: (string);
  'memberId'?: (string);
}

export interface PartnerMemberLink__Output {
  'partnerMemberId': (string);
  'memberId': (string);
}
