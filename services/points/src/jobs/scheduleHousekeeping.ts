import type { DataSource } from 'typeorm';
import { runEvery, type Logger } from '../../../kit/src';
import { expireDueLots, type ExpiryDeps } from '../commands/expireLots';
import { noticeExpiringPoints } from '../commands/noticeExpiringPoints';
import { releasePendingPoints } from '../commands/releasePendingPoints';

/** One housekeeping run: release points whose return window passed, expire due lots, then send the 30-day notices. */
export async function pointsHousekeeping(dataSource: DataSource, deps: ExpiryDeps, now?: Date) {
  const released = await releasePendingPoints(dataSource, now);
  const expired = await expireDueLots(dataSource, deps, now);
  const noticed = await noticeExpiringPoints(dataSource, deps, now);
  return { released, expired, noticed };
}

/** The housekeeping on a schedule inside the points service (POINTS_EXPIRY_INTERVAL_MS). */
export function scheduleHousekeeping(
  dataSource: DataSource,
  deps: ExpiryDeps,
  intervalMs: number,
  logger: Logger,
): { stop(): Promise<void> } {
  return runEvery(
    intervalMs,
    async () => {
      const result = await pointsHousekeeping(dataSource, deps);
      if (result.released.orders > 0 || result.expired.lots > 0 || result.noticed.notices > 0) logger.info(result, 'points housekeeping');
    },
    (error) => logger.error({ err: error }, 'points housekeeping run failed'),
  );
}
