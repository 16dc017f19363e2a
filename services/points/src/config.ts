import { envReader, peerGrpcAddress, readCommonConfig, readOutboxBatching, SHARED_VALUE_TTL_MS } from '../../kit/src';
import { EARN_RISK_CHECKS } from './commands/assessRisk';
import { parseRateToMilli } from './domain/earn';

/** The points service's configuration, validated once at start-up. */
export function loadPointsConfig(env: Record<string, string | undefined> = process.env) {
  const read = envReader(env);
  return {
    ...readCommonConfig('points', env),
    /** Base earn rate in thousandths of a point per CNY (DOMAIN.md §3: 1 point per CNY). */
    baseRateMilli: parseRateToMilli('POINTS_BASE_RATE', read.string('POINTS_BASE_RATE', '1')),
    /** Points expire at the end of this many months after the month they were earned (DOMAIN.md §3). */
    expiryMonths: read.int('POINTS_EXPIRY_MONTHS', 12, { min: 1, max: 120 }),
    /** The programme's time zone as minutes east of UTC, for "end of month" (China: +480). */
    utcOffsetMinutes: read.int('PROGRAMME_UTC_OFFSET_MINUTES', 480, { min: -720, max: 840 }),
    /** How often the service expires due lots by itself; 0 turns the schedule off (the job still runs on demand). */
    expiryIntervalMs: read.int('POINTS_EXPIRY_INTERVAL_MS', 3_600_000, { min: 0 }),
    /**
     * How often the service looks whether this programme year's tier re-evaluation has run, and
     * runs it once (one replica, by lease) when not; 0 turns it off (the CronJob or job still runs it).
     */
    reevaluationCheckMs: read.int('TIER_REEVALUATION_CHECK_MS', 3_600_000, { min: 0 }),
    /** How often undelivered tier-activity events are retried; 0 turns the dispatcher off. */
    outboxIntervalMs: read.int('OUTBOX_INTERVAL_MS', 1000, { min: 0 }),
    /** How the outbox gathers deliveries made after an answer into batches (OUTBOX_BATCH_LINGER_MS, OUTBOX_BATCH_MAX). */
    outboxBatching: readOutboxBatching(env),
    /** Days an order's points stay pending (its return window) before they can be spent; 0: at once. */
    returnWindowDays: read.int('POINTS_RETURN_WINDOW_DAYS', 0, { min: 0, max: 365 }),
    /**
     * When risk assesses an earn: `after-commit` (default) writes the assessment to the outbox in the
     * earn's transaction and risk judges it right after, off the request path (a DENY then goes to
     * staff's review queue); `before-commit` asks risk first and refuses an earn it denies
     * (RISK_DENIED). Earns fail open either way; burns and redemptions always ask first and fail closed.
     */
    earnRiskCheck: read.oneOf('EARN_RISK_CHECK', EARN_RISK_CHECKS, 'after-commit'),
    /** Days after it was placed that an order may still be recorded; an older one needs an ADMIN and is flagged. */
    orderMaxLatenessDays: read.int('ORDER_MAX_LATENESS_DAYS', 7, { min: 0, max: 365 }),
    /**
     * How long this process holds the tier ladder (γ and thresholds, the member service's ListTiers)
     * before asking again: a ladder edit reaches earns within this time.
     */
    tierLadderTtlMs: read.int('TIER_LADDER_TTL_MS', SHARED_VALUE_TTL_MS, { min: 0 }),
    /**
     * How long this process holds the campaign calendar (the campaign service's ListEarnCampaigns)
     * before asking again: a campaign change the campaign service's event did not clear here (it
     * reached another replica) reaches earns within this time.
     */
    campaignCalendarTtlMs: read.int('CAMPAIGN_CALENDAR_TTL_MS', SHARED_VALUE_TTL_MS, { min: 0 }),
    /** Welcome points on registration (0: none). */
    registrationBonus: read.int('POINTS_REGISTRATION_BONUS', 100, { min: 0, max: 100_000 }),
    /** Points for completing the profile (0: none). */
    profileCompletionBonus: read.int('POINTS_PROFILE_COMPLETION_BONUS', 50, { min: 0, max: 100_000 }),
    /** Points for the daily check-in (DOMAIN.md §3: other earn sources). */
    checkInPoints: read.int('POINTS_CHECK_IN', 5, { min: 1, max: 10_000 }),
    /** Checkout offset (抵扣): points that pay for 1 CNY. */
    pointsPerCnyOffset: read.int('POINTS_PER_CNY_OFFSET', 100, { min: 1, max: 100_000 }),
    /** How long a two-phase hold (HoldPoints) lasts when its caller names no expiry; the sweep releases it after. */
    holdTtlMs: read.int('POINTS_HOLD_TTL_MS', 15 * 60_000, { min: 1000 }),
    /** How often the service releases expired holds (one replica, by lease); 0 turns the sweep off. */
    holdSweepIntervalMs: read.int('POINTS_HOLD_SWEEP_INTERVAL_MS', 60_000, { min: 0 }),
    memberGrpcAddress: peerGrpcAddress('member', env),
    campaignGrpcAddress: peerGrpcAddress('campaign', env),
    riskGrpcAddress: peerGrpcAddress('risk', env),
    /** The benefits service: members' spend reaches it from the outbox (RecordSpendStats). */
    benefitsGrpcAddress: peerGrpcAddress('benefits', env),
  };
}

export type PointsConfig = ReturnType<typeof loadPointsConfig>;
