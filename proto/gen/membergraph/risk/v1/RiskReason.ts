// Original file: proto/risk.proto

import type { Decision as _membergraph_risk_v1_Decision, Decision__Output as _membergraph_risk_v1_Decision__Output } from '../../../membergraph/risk/v1/Decision';

/**
 * One rule that matched, as a reviewer reads it.
 */
export interface RiskReason {
  /**
   * The rule's id, e.g. "burn-velocity-ip".
   */
  'rule'?: (string);
  /**
   * What the rule alone would decide: REVIEW or DENY.
   */
  'outcome'?: (_membergraph_risk_v1_Decision);
  /**
   * The points the rule adds to the score.
   */
  'score'?: (number);
  /**
   * The evidence in words, e.g. "12 BURN from ip 10.0.0.9 within 600 s (limit 10)".
   */
  'detail'?: (string);
  /**
   * Other members the evidence involves (the members of a device, a referral cycle), at most 20.
   */
  'relatedMemberIds'?: (string)[];
}

/**
 * One rule that matched, as a reviewer reads it.
 */
export interface RiskReason__Output {
  /**
   * The rule's id, e.g. "burn-velocity-ip".
   */
  'rule': (string);
  /**
   * What the rule alone would decide: REVIEW or DENY.
   */
  'outcome': (_membergraph_risk_v1_Decision__Output);
  /**
   * The points the rule adds to the score.
   */
  'score': (number);
  /**
   * The evidence in words, e.g. "12 BURN from ip 10.0.0.9 within 600 s (limit 10)".
   */
  'detail': (string);
  /**
   * Other members the evidence involves (the members of a device, a referral cycle), at most 20.
   */
  'relatedMemberIds': (string)[];
}
