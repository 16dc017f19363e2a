// Original file: proto/risk.proto

import type { Decision as _membergraph_risk_v1_Decision, Decision__Output as _membergraph_risk_v1_Decision__Output } from '../../../membergraph/risk/v1/Decision';
import type { RiskReason as _membergraph_risk_v1_RiskReason, RiskReason__Output as _membergraph_risk_v1_RiskReason__Output } from '../../../membergraph/risk/v1/RiskReason';

export interface AssessResponse {
  'decision'?: (_membergraph_risk_v1_Decision);
  /**
   * The reasons in one line ("no rule matched" when none did).
   */
  'reason'?: (string);
  'eventId'?: (string);
  /**
   * 0–100: the sum of the matched rules' scores, capped.
   */
  'score'?: (number);
  'reasons'?: (_membergraph_risk_v1_RiskReason)[];
}

export interface AssessResponse__Output {
  'decision': (_membergraph_risk_v1_Decision__Output);
  /**
   * The reasons in one line ("no rule matched" when none did).
   */
  'reason': (string);
  'eventId': (string);
  /**
   * 0–100: the sum of the matched rules' scores, capped.
   */
  'score': (number);
  'reasons': (_membergraph_risk_v1_RiskReason__Output)[];
}
