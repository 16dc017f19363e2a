// Original file: proto/member.proto

import type { Long } from '@grpc/proto-loader';

export interface SegmentProfile {
  'memberId'?: (string);
  'tierId'?: (string);
  /**
   * The channel the member registered through (WEB, MINI_PROGRAM, POS, PARTNER).
   */
  'registeredVia'?: (string);
  'registeredAtEpochMs'?: (number | string | Long);
  /**
   * Purposes the member consents to now: MARKETING, ANALYTICS, PARTNER_SHARING (see GetConsents).
   */
  'consents'?: (string)[];
}

export interface SegmentProfile__Output {
  'memberId': (string);
  'tierId': (string);
  /**
   * The channel the member registered through (WEB, MINI_PROGRAM, POS, PARTNER).
   */
  'registeredVia': (string);
  'registeredAtEpochMs': (string);
  /**
   * Purposes the member consents to now: MARKETING, ANALYTICS, PARTNER_SHARING (see GetConsents).
   */
  'consents': (string)[];
}
