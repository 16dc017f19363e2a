import { envReader, peerGrpcAddress, readCommonConfig, readOutboxBatching } from '../../kit/src';

/** The benefits service's configuration, validated once at start-up. */
export function loadBenefitsConfig(env: Record<string, string | undefined> = process.env) {
  const read = envReader(env);
  return {
    ...readCommonConfig('benefits', env),
    memberGrpcAddress: peerGrpcAddress('member', env),
    /** The points service: the reward saga holds, captures and releases points there. */
    pointsGrpcAddress: peerGrpcAddress('points', env),
    /** How often the outbox dispatcher resumes reward sagas whose next step is due (after a failure or a restart); 0: off. */
    outboxIntervalMs: read.int('OUTBOX_INTERVAL_MS', 1000, { min: 0 }),
    /** How the outbox gathers deliveries made after an answer into batches (OUTBOX_BATCH_LINGER_MS, OUTBOX_BATCH_MAX). */
    outboxBatching: readOutboxBatching(env),
    /** How long a redemption's points hold lasts if the saga never captures it (the points service's sweep then releases it). */
    rewardHoldTtlMs: read.int('REWARD_HOLD_TTL_MS', 15 * 60_000, { min: 1000 }),
    /** The deadline of the saga's local coupon issue; past it the step counts as failed and the saga compensates. */
    rewardIssueDeadlineMs: read.int('REWARD_ISSUE_DEADLINE_MS', 2000, { min: 10 }),
    /**
     * Tries of a saga step whose peer did not answer (UNAVAILABLE, past its deadline) before the saga
     * compensates; a refusal (no points, no stock …) compensates at once. 1: every failure compensates.
     */
    rewardStepAttempts: read.int('REWARD_STEP_ATTEMPTS', 3, { min: 1, max: 20 }),
    /** The programme's time zone as minutes east of UTC: whose "today" a birthday is (China: +480). */
    utcOffsetMinutes: read.int('PROGRAMME_UTC_OFFSET_MINUTES', 480, { min: -720, max: 840 }),
    /**
     * How often the service looks whether today's birthday rewards have been given, and gives them
     * once (one replica, by lease) when not; 0 turns it off (the CronJob or `npm run job:birthdays` still runs it).
     */
    birthdayCheckMs: read.int('BIRTHDAY_JOB_CHECK_MS', 3_600_000, { min: 0 }),
  };
}

export type BenefitsConfig = ReturnType<typeof loadBenefitsConfig>;
