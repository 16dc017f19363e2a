// Original file: proto/benefits.proto


export interface TierBenefit {
  'tierId'?: (string);
  'benefitCode'?: (string);
  'name'?: (string);
  /**
   * What this tier gets, e.g. "20% off".
   */
  'level'?: (string);
}

export interface TierBenefit__Output {
  'tierId': (string);
  'benefitCode': (string);
  'name': (string);
  /**
   * What this tier gets, e.g. "20% off".
   */
  'level': (string);
}
