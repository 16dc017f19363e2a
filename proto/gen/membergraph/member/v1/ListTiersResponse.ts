// Original file: proto/member.proto

import type { TierRung as _membergraph_member_v1_TierRung, TierRung__Output as _membergraph_member_v1_TierRung__Output } from '../../../membergraph/member/v1/TierRung';

export interface ListTiersResponse {
  /**
   * Tier ids, e.g. "REGULAR", "SILVER", "GOLD", lowest rank first.
   */
  'tierIds'?: (string)[];
  /**
   * The same tiers with what earning and the upgrade rule need, lowest rank first.
   */
  'tiers'?: (_membergraph_member_v1_TierRung)[];
}

export interface ListTiersResponse__Output {
  /**
   * Tier ids, e.g. "REGULAR", "SILVER", "GOLD", lowest rank first.
   */
  'tierIds': (string)[];
  /**
   * The same tiers with what earning and the upgrade rule need, lowest rank first.
   */
  'tiers': (_membergraph_member_v1_TierRung__Output)[];
}
