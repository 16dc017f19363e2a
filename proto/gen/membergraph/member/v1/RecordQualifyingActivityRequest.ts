// Original file: proto/member.proto

import type { QualifyingActivity as _membergraph_member_v1_QualifyingActivity, QualifyingActivity__Output as _membergraph_member_v1_QualifyingActivity__Output } from '../../../membergraph/member/v1/QualifyingActivity';

export interface RecordQualifyingActivityRequest {
  'activity'?: (_membergraph_member_v1_QualifyingActivity | null);
}

export interface RecordQualifyingActivityRequest__Output {
  'activity': (_membergraph_member_v1_QualifyingActivity__Output | null);
}
