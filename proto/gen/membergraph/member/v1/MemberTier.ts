// Original file: proto/member.proto


export interface MemberTier {
  'memberId'?: (string);
  /**
   * Tier id, e.g. "SILVER".
   */
  'tierId'?: (string);
  /**
   * The tier's points multiplier γ in thousandths (1.2 → 1200): integers keep points exact.
   */
  'multiplierMilli'?: (number);
  /**
   * The tier's points never expire (Diamond in the default programme).
   */
  'pointsNeverExpire'?: (boolean);
}

export interface MemberTier__Output {
  'memberId': (string);
  /**
   * Tier id, e.g. "SILVER".
   */
  'tierId': (string);
  /**
   * The tier's points multiplier γ in thousandths (1.2 → 1200): integers keep points exact.
   */
  'multiplierMilli': (number);
  /**
   * The tier's points never expire (Diamond in the default programme).
   */
  'pointsNeverExpire': (boolean);
}
