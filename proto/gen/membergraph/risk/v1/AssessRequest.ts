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
  /**
   * When the action happened, for an assessment sent after the fact (0: now); no later than now.
   */
  'occurredAtEpochMs'?: (number | string | Long);
  /**
   * The caller went ahead without a decision because risk did not answer in time (earns fail
   * open, and the caller sends the assessment later from its outbox): whatever the rules decide,
   * the action is recorded as REVIEW at least, with the finding "unassessed", for staff to look at.
   */
  'failOpen'?: (boolean);
  /**
   * The action already happened and the decision cannot stop it (earns assessed after their commit,
   * by the caller's programme setting): a DENY is recorded as DENY and put in the review queue
   * (PENDING) with its reasons, so staff act on it; ALLOW and REVIEW are recorded as usual.
   */
  'afterCommit'?: (boolean);
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
  /**
   * When the action happened, for an assessment sent after the fact (0: now); no later than now.
   */
  'occurredAtEpochMs': (string);
  /**
   * The caller went ahead without a decision because risk did not answer in time (earns fail
   * open, and the caller sends the assessment later from its outbox): whatever the rules decide,
   * the action is recorded as REVIEW at least, with the finding "unassessed", for staff to look at.
   */
  'failOpen': (boolean);
  /**
   * The action already happened and the decision cannot stop it (earns assessed after their commit,
   * by the caller's programme setting): a DENY is recorded as DENY and put in the review queue
   * (PENDING) with its reasons, so staff act on it; ALLOW and REVIEW are recorded as usual.
   */
  'afterCommit': (boolean);
}
