// Original file: proto/campaign.proto

import type { Long } from '@grpc/proto-loader';

export interface RecordRegistrationRequest {
  'memberId'?: (string);
  /**
   * WEB, MINI_PROGRAM, POS or PARTNER.
   */
  'channel'?: (string);
  'registeredAtEpochMs'?: (number | string | Long);
  /**
   * The code the new member registered with (empty: none).
   */
  'referralCode'?: (string);
}

export interface RecordRegistrationRequest__Output {
  'memberId': (string);
  /**
   * WEB, MINI_PROGRAM, POS or PARTNER.
   */
  'channel': (string);
  'registeredAtEpochMs': (string);
  /**
   * The code the new member registered with (empty: none).
   */
  'referralCode': (string);
}
