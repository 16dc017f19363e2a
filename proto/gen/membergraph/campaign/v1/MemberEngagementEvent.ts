// Original file: proto/campaign.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One thing a member did with a campaign.
 */
export interface MemberEngagementEvent {
  'atEpochMs'?: (number | string | Long);
  /**
   * TASK_ACTION: an action a BONUS or TASK campaign counted (a completed profile, a first
   * mini-program order; each action once however many campaigns counted it);
   * TASK_COMPLETED: a TASK or CHECK_IN_STREAK campaign's goal reached (its reward earned);
   * REFERRAL_SHARED: the member shared their referral code;
   * REFERRAL_CONVERTED: a friend the member invited was counted (qualified) for the ladder;
   * EXPERIMENT_EXPOSED: the member first saw an experiment's variant;
   * EXPERIMENT_CONVERTED: the member converted in an experiment.
   */
  'kind'?: (string);
}

/**
 * One thing a member did with a campaign.
 */
export interface MemberEngagementEvent__Output {
  'atEpochMs': (string);
  /**
   * TASK_ACTION: an action a BONUS or TASK campaign counted (a completed profile, a first
   * mini-program order; each action once however many campaigns counted it);
   * TASK_COMPLETED: a TASK or CHECK_IN_STREAK campaign's goal reached (its reward earned);
   * REFERRAL_SHARED: the member shared their referral code;
   * REFERRAL_CONVERTED: a friend the member invited was counted (qualified) for the ladder;
   * EXPERIMENT_EXPOSED: the member first saw an experiment's variant;
   * EXPERIMENT_CONVERTED: the member converted in an experiment.
   */
  'kind': (string);
}
