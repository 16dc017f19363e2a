// Original file: proto/benefits.proto


export interface TierBenefit {
  'tierId'?: (string);
  'benefitCode'?: (string);
  'name'?: (string);
  /**
   * What this tier gets, e.g. "20% off". Empty when derived_from_multiplier.
   */
  'level'?: (string);
  /**
   * Points acceleration: not a figure of the matrix but the tier's γ in force, which the member
   * service owns (GetMemberTiers' multiplier_milli); the caller shows that. One per tier asked for.
   */
  'derivedFromMultiplier'?: (boolean);
}

export interface TierBenefit__Output {
  'tierId': (string);
  'benefitCode': (string);
  'name': (string);
  /**
   * What this tier gets, e.g. "20% off". Empty when derived_from_multiplier.
   */
  'level': (string);
  /**
   * Points acceleration: not a figure of the matrix but the tier's γ in force, which the member
   * service owns (GetMemberTiers' multiplier_milli); the caller shows that. One per tier asked for.
   */
  'derivedFromMultiplier': (boolean);
}
