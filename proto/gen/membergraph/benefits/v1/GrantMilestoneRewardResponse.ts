// Original file: proto/benefits.proto


export interface GrantMilestoneRewardResponse {
  /**
   * ISSUED, NO_REWARD (none set for the milestone) or REFUSED (the template's stock, budget or limit was spent).
   */
  'outcome'?: (string);
  /**
   * The coupon issued, when ISSUED.
   */
  'couponId'?: (string);
  /**
   * True when this milestone had been rewarded before.
   */
  'replayed'?: (boolean);
}

export interface GrantMilestoneRewardResponse__Output {
  /**
   * ISSUED, NO_REWARD (none set for the milestone) or REFUSED (the template's stock, budget or limit was spent).
   */
  'outcome': (string);
  /**
   * The coupon issued, when ISSUED.
   */
  'couponId': (string);
  /**
   * True when this milestone had been rewarded before.
   */
  'replayed': (boolean);
}
