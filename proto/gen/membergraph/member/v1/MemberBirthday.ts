// Original file: proto/member.proto


export interface MemberBirthday {
  'memberId'?: (string);
  'tierId'?: (string);
}

export interface MemberBirthday__Output {
  'memberId': (string);
  'tierId': (string);
}
