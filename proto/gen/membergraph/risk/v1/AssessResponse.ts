// Original file: proto/risk.proto

import type { Decision as _membergraph_risk_v1_Decision, Decision__Output as _membergraph_risk_v1_Decision__Output } from '../../../membergraph/risk/v1/Decision';

export interface AssessResponse {
  'decision'?: (_membergraph_risk_v1_Decision);
  'reason'?: (string);
  'eventId'?: (string);
}

export interface AssessResponse__Output {
  'decision': (_membergraph_risk_v1_Decision__Output);
  'reason': (string);
  'eventId': (string);
}
