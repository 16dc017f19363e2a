// Original file: proto/risk.proto

import type { Long } from '@grpc/proto-loader';

export interface AssessRequest {
  /**
   * What is about to happen: REGISTER, LOGIN, EARN, BURN, REDEEM, REFERRAL_REWARD, or REFUND
   * (a signal that an earn is being given back, recorded so earn-then-refund farming shows).
   */
  'action'?: (string);
  /**
   * The member acting; for REFERRAL_REWARD the inviter, who is rewarded.
   */
  'memberId'?: (string);
  /**
   * Money involved, in fen (0.01 CNY): the order amount of an EARN or a REFUND (required > 0 there).
   */
  'amountFen'?: (number | string | Long);
  /**
   * WEB, MINI_PROGRAM, POS or PARTNER.
   */
  'channel'?: (string);
  'idempotencyKey'?: (string);
  /**
   * The device the action comes from (optional; REGISTER and LOGIN need a device_id or an ip).
   */
  'deviceId'?: (string);
  /**
   * The client's IP address, IPv4 or IPv6 (optional, see device_id).
   */
  'ip'?: (string);
  /**
   * The store code of an in-store action (optional).
   */
  'store'?: (string);
  /**
   * Points involved in a BURN or a REDEEM (required > 0 there).
   */
  'points'?: (number | string | Long);
  /**
   * REFERRAL_REWARD only (required there): the member the inviter brought in.
   */
  'inviteeMemberId'?: (string);
}

export interface AssessRequest__Output {
  /**
   * What is about to happen: REGISTER, LOGIN, EARN, BURN, REDEEM, REFERRAL_REWARD, or REFUND
   * (a signal that an earn is being given back, recorded so earn-then-refund farming shows).
   */
  'action': (string);
  /**
   * The member acting; for REFERRAL_REWARD the inviter, who is rewarded.
   */
  'memberId': (string);
  /**
   * Money involved, in fen (0.01 CNY): the order amount of an EARN or a REFUND (required > 0 there).
   */
  'amountFen': (string);
  /**
   * WEB, MINI_PROGRAM, POS or PARTNER.
   */
  'channel': (string);
  'idempotencyKey': (string);
  /**
   * The device the action comes from (optional; REGISTER and LOGIN need a device_id or an ip).
   */
  'deviceId': (string);
  /**
   * The client's IP address, IPv4 or IPv6 (optional, see device_id).
   */
  'ip': (string);
  /**
   * The store code of an in-store action (optional).
   */
  'store': (string);
  /**
   * Points involved in a BURN or a REDEEM (required > 0 there).
   */
  'points': (string);
  /**
   * REFERRAL_REWARD only (required there): the member the inviter brought in.
   */
  'inviteeMemberId': (string);
}
