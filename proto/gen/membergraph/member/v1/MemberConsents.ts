// Original file: proto/member.proto


export interface MemberConsents {
  'memberId'?: (string);
  /**
   * The purposes given now: MARKETING, ANALYTICS, PARTNER_SHARING.
   */
  'purposes'?: (string)[];
}

export interface MemberConsents__Output {
  'memberId': (string);
  /**
   * The purposes given now: MARKETING, ANALYTICS, PARTNER_SHARING.
   */
  'purposes': (string)[];
}
