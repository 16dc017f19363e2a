// Original file: proto/benefits.proto

import type { MemberSpendWindow as _membergraph_benefits_v1_MemberSpendWindow, MemberSpendWindow__Output as _membergraph_benefits_v1_MemberSpendWindow__Output } from '../../../membergraph/benefits/v1/MemberSpendWindow';

export interface RecordSpendStatsRequest {
  /**
   * At most 500 members, each once.
   */
  'members'?: (_membergraph_benefits_v1_MemberSpendWindow)[];
}

export interface RecordSpendStatsRequest__Output {
  /**
   * At most 500 members, each once.
   */
  'members': (_membergraph_benefits_v1_MemberSpendWindow__Output)[];
}
