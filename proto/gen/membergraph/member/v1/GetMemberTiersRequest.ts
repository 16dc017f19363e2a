// Original file: proto/member.proto

import type { Long } from '@grpc/proto-loader';

export interface GetMemberTiersRequest {
  'memberIds'?: (string)[];
  /**
   * The moment the tiers are asked for, in milliseconds since the epoch; 0 means now. An order
   * earns at the tier its member held when it was placed (the tier history) and with that tier's
   * γ as the ladder stood then (tier versions).
   */
  'atEpochMs'?: (number | string | Long);
  /**
   * Also answer never_expire_ended_epoch_ms (one more query): the points expiry job asks for it.
   */
  'withNeverExpireEnd'?: (boolean);
}

export interface GetMemberTiersRequest__Output {
  'memberIds': (string)[];
  /**
   * The moment the tiers are asked for, in milliseconds since the epoch; 0 means now. An order
   * earns at the tier its member held when it was placed (the tier history) and with that tier's
   * γ as the ladder stood then (tier versions).
   */
  'atEpochMs': (string);
  /**
   * Also answer never_expire_ended_epoch_ms (one more query): the points expiry job asks for it.
   */
  'withNeverExpireEnd': (boolean);
}
