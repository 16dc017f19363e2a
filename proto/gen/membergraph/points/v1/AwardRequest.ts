// Original file: proto/points.proto

import type { AwardKind as _membergraph_points_v1_AwardKind, AwardKind__Output as _membergraph_points_v1_AwardKind__Output } from '../../../membergraph/points/v1/AwardKind';

export interface AwardRequest {
  'memberId'?: (string);
  'kind'?: (_membergraph_points_v1_AwardKind);
}

export interface AwardRequest__Output {
  'memberId': (string);
  'kind': (_membergraph_points_v1_AwardKind__Output);
}
