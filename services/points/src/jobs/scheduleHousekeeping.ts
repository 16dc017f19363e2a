import type { DataSource } from 'typeorm';
import { runEvery, type Logger } from '../../../kit/src';
import { expireDueLots, type ExpiryDeps } from '../commands/expireLots';
import { releaseExpiredHolds } from '../commands/holdPoints';
import { noticeExpiringPoints } from '../commands/noticeExpiringPoints';
import { reevaluateTiers } from '../commands/reevaluateTiers';
import { releasePendingPoints } from '../commands/releasePendingPoints';
import { runUnderLease } from '../db/jobLease';
import type { MemberPort } from '../ports';

/** A lease outlives a stalled holder by this much at most; the holder renews it every third of it. */
const LEASE_MS = 5 * 60_000;

/** One housekeeping run: release points whose return window passed, expire due lots, then send the 30-day notices. */
export async function pointsHousekeeping(dataSource: DataSource, deps: ExpiryDeps, now?: Date) {
  const released = await releasePendingPoints(dataSource, now);
  const expired = await expireDueLots(dataSource, deps, now);
  const noticed = await noticeExpiringPoints(dataSource, deps, now);
  return { released, expired, noticed };
}

/** The programme's calendar year at `now` (in its time zone): the cycle the yearly re-evaluation runs for. */
export function programmeYear(now: Date, utcOffsetMinutes: number): string {
  return String(new Date(now.getTime() + utcOffsetMinutes * 60_000).getUTCFullYear());
}

/**
 * Housekeeping as one of several replicas: once per `runKey` (a period, e.g. an interval of the
 * schedule or a day of the CronJob), by whichever replica takes the lease first. Null: not this one.
 */
export function leasedHousekeeping(dataSource: DataSource, deps: ExpiryDeps, runKey: string) {
  return runUnderLease(dataSource, { job: 'points-housekeeping', runKey, leaseMs: LEASE_MS }, () => pointsHousekeeping(dataSource, deps));
}

/**
 * The yearly re-evaluation for `cycle` (a programme year), once for the whole deployment (the
 * lease's run key is the cycle); resumed from the start after a crash, which the member service
 * makes harmless by applying each member's re-evaluation once per cycle. Null: done or running elsewhere.
 */
export function leasedReevaluation(dataSource: DataSource, member: MemberPort, cycle: string, now = new Date()) {
  return runUnderLease(dataSource, { job: 'tier-reevaluation', runKey: cycle, leaseMs: LEASE_MS }, async () => ({
    cycle,
    ...(await reevaluateTiers(dataSource, member, cycle, now)),
  }));
}

/**
 * The hold sweep as one of several replicas: releases the holds no saga came back for, once per
 * `runKey` (an interval of the schedule), by whichever replica takes the lease first.
 */
export function leasedHoldSweep(dataSource: DataSource, runKey: string, now?: Date) {
  return runUnderLease(dataSource, { job: 'points-hold-sweep', runKey, leaseMs: LEASE_MS }, () => releaseExpiredHolds(dataSource, now));
}

export interface JobSchedule {
  /** Housekeeping every this many ms (POINTS_EXPIRY_INTERVAL_MS; 0: off). */
  expiryIntervalMs: number;
  /** How often to look whether this programme year's re-evaluation has run (TIER_REEVALUATION_CHECK_MS; 0: off). */
  reevaluationCheckMs: number;
  utcOffsetMinutes: number;
  /** The expired-hold sweep every this many ms (POINTS_HOLD_SWEEP_INTERVAL_MS; 0: off; absent: off). */
  holdSweepIntervalMs?: number;
}

/**
 * The points service's scheduled jobs, safe with any number of replicas: each tick tries the
 * job's lease, so one replica runs it and the others skip. Housekeeping runs once per interval;
 * the yearly re-evaluation once per programme year, on the first check after the year begins
 * (midnight of 1 January in the programme's time zone). Only in January: a service first deployed
 * mid-year must not step members down for a cycle nobody ran (the job does that on purpose).
 */
export function scheduleJobs(
  dataSource: DataSource,
  deps: ExpiryDeps & { member: MemberPort },
  schedule: JobSchedule,
  logger: Logger,
): { stop(): Promise<void> } {
  const housekeeping = runEvery(
    schedule.expiryIntervalMs,
    async () => {
      const runKey = `every-${schedule.expiryIntervalMs}:${Math.floor(Date.now() / schedule.expiryIntervalMs)}`;
      const result = await leasedHousekeeping(dataSource, deps, runKey);
      if (result && (result.released.orders > 0 || result.expired.lots > 0 || result.noticed.notices > 0))
        logger.info(result, 'points housekeeping');
    },
    (error) => logger.error({ err: error }, 'points housekeeping run failed'),
  );
  const reevaluation = runEvery(
    schedule.reevaluationCheckMs,
    async () => {
      const now = new Date();
      if (new Date(now.getTime() + schedule.utcOffsetMinutes * 60_000).getUTCMonth() !== 0) return;
      const result = await leasedReevaluation(dataSource, deps.member, programmeYear(now, schedule.utcOffsetMinutes), now);
      if (result) logger.info(result, 'yearly tier re-evaluation done');
    },
    (error) => logger.error({ err: error }, 'yearly tier re-evaluation failed; the next check resumes it'),
  );
  const sweepMs = schedule.holdSweepIntervalMs ?? 0;
  const holdSweep = runEvery(
    sweepMs,
    async () => {
      const result = await leasedHoldSweep(dataSource, `every-${sweepMs}:${Math.floor(Date.now() / sweepMs)}`);
      if (result && result.holds > 0) logger.info(result, 'expired points holds released');
    },
    (error) => logger.error({ err: error }, 'points hold sweep failed; the next run retries'),
  );
  return { stop: async () => void (await Promise.all([housekeeping.stop(), reevaluation.stop(), holdSweep.stop()])) };
}
