// Original file: proto/risk.proto

import type { AssessRequest as _membergraph_risk_v1_AssessRequest, AssessRequest__Output as _membergraph_risk_v1_AssessRequest__Output } from '../../../membergraph/risk/v1/AssessRequest';

export interface AssessBatchRequest {
  /**
   * The actions, oldest first (at most 1,000).
   */
  'actions'?: (_membergraph_risk_v1_AssessRequest)[];
}

export interface AssessBatchRequest__Output {
  /**
   * The actions, oldest first (at most 1,000).
   */
  'actions': (_membergraph_risk_v1_AssessRequest__Output)[];
}
