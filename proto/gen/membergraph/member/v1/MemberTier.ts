// Original file: proto/member.proto

import type { Long } from '@grpc/proto-loader';

export interface MemberTier {
  'memberId'?: (string);
  /**
   * Tier id, e.g. "SILVER".
   */
  'tierId'?: (string);
  /**
   * The tier's points multiplier γ in thousandths (1.2 → 1200): integers keep points exact.
   */
  'multiplierMilli'?: (number);
  /**
   * The tier's points never expire (Diamond in the default programme).
   */
  'pointsNeverExpire'?: (boolean);
  /**
   * Only when asked (with_never_expire_end), for a member not on such a tier now: when they last
   * left a tier whose points never expire, in milliseconds since the epoch; 0 if they never held
   * one. Their points then expire by the normal rule, but not before 30 days after it.
   */
  'neverExpireEndedEpochMs'?: (number | string | Long);
  /**
   * The member allows partner brands to see their masked data (and to be offered partner offers).
   */
  'partnerSharing'?: (boolean);
  /**
   * The member's tier now (whatever at_epoch_ms asked), for a caller that keeps a copy: its version
   * (grows with each tier change of the member), whether it is a staff grant and until when (0:
   * earned, or a grant without an end). See TierDecision.
   */
  'tierVersion'?: (number | string | Long);
  'currentTierId'?: (string);
  'granted'?: (boolean);
  'grantExpiresEpochMs'?: (number | string | Long);
}

export interface MemberTier__Output {
  'memberId': (string);
  /**
   * Tier id, e.g. "SILVER".
   */
  'tierId': (string);
  /**
   * The tier's points multiplier γ in thousandths (1.2 → 1200): integers keep points exact.
   */
  'multiplierMilli': (number);
  /**
   * The tier's points never expire (Diamond in the default programme).
   */
  'pointsNeverExpire': (boolean);
  /**
   * Only when asked (with_never_expire_end), for a member not on such a tier now: when they last
   * left a tier whose points never expire, in milliseconds since the epoch; 0 if they never held
   * one. Their points then expire by the normal rule, but not before 30 days after it.
   */
  'neverExpireEndedEpochMs': (string);
  /**
   * The member allows partner brands to see their masked data (and to be offered partner offers).
   */
  'partnerSharing': (boolean);
  /**
   * The member's tier now (whatever at_epoch_ms asked), for a caller that keeps a copy: its version
   * (grows with each tier change of the member), whether it is a staff grant and until when (0:
   * earned, or a grant without an end). See TierDecision.
   */
  'tierVersion': (string);
  'currentTierId': (string);
  'granted': (boolean);
  'grantExpiresEpochMs': (string);
}
