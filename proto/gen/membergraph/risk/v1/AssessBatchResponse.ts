// Original file: proto/risk.proto

import type { AssessResponse as _membergraph_risk_v1_AssessResponse, AssessResponse__Output as _membergraph_risk_v1_AssessResponse__Output } from '../../../membergraph/risk/v1/AssessResponse';

export interface AssessBatchResponse {
  /**
   * One per action, in the same order.
   */
  'decisions'?: (_membergraph_risk_v1_AssessResponse)[];
}

export interface AssessBatchResponse__Output {
  /**
   * One per action, in the same order.
   */
  'decisions': (_membergraph_risk_v1_AssessResponse__Output)[];
}
