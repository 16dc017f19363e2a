// Original file: proto/member.proto

import type { RecordQualifyingActivityRequest as _membergraph_member_v1_RecordQualifyingActivityRequest, RecordQualifyingActivityRequest__Output as _membergraph_member_v1_RecordQualifyingActivityRequest__Output } from '../../../membergraph/member/v1/RecordQualifyingActivityRequest';

export interface RecordQualifyingActivitiesRequest {
  'reports'?: (_membergraph_member_v1_RecordQualifyingActivityRequest)[];
}

export interface RecordQualifyingActivitiesRequest__Output {
  'reports': (_membergraph_member_v1_RecordQualifyingActivityRequest__Output)[];
}
