// Original file: proto/member.proto


export interface TierDecision {
  'memberId'?: (string);
  'tierId'?: (string);
  /**
   * True when this call changed the member's tier.
   */
  'changed'?: (boolean);
}

export interface TierDecision__Output {
  'memberId': (string);
  'tierId': (string);
  /**
   * True when this call changed the member's tier.
   */
  'changed': (boolean);
}
