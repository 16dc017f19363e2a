// Original file: proto/member.proto

import type { TierDecision as _membergraph_member_v1_TierDecision, TierDecision__Output as _membergraph_member_v1_TierDecision__Output } from '../../../membergraph/member/v1/TierDecision';

export interface RecordQualifyingActivitiesResponse {
  /**
   * One per report, in the order of the request.
   */
  'decisions'?: (_membergraph_member_v1_TierDecision)[];
}

export interface RecordQualifyingActivitiesResponse__Output {
  /**
   * One per report, in the order of the request.
   */
  'decisions': (_membergraph_member_v1_TierDecision__Output)[];
}
