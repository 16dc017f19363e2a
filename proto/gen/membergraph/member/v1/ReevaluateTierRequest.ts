// Original file: proto/member.proto

import type { QualifyingActivity as _membergraph_member_v1_QualifyingActivity, QualifyingActivity__Output as _membergraph_member_v1_QualifyingActivity__Output } from '../../../membergraph/member/v1/QualifyingActivity';

export interface ReevaluateTierRequest {
  'activity'?: (_membergraph_member_v1_QualifyingActivity | null);
  /**
   * The re-evaluation cycle, e.g. "2026".
   */
  'cycle'?: (string);
}

export interface ReevaluateTierRequest__Output {
  'activity': (_membergraph_member_v1_QualifyingActivity__Output | null);
  /**
   * The re-evaluation cycle, e.g. "2026".
   */
  'cycle': (string);
}
