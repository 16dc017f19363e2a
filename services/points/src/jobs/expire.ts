/**
 * `npm run job:expire` (the image's `expire-points`, run by the CronJob in deploy/k8s): releases
 * points whose return window passed, expires every due lot and sends the 30-day notices, now, then
 * exits. The points service runs the same on a schedule; the lease makes one of them run at a time.
 */
import { createLogger, openDatabase, resolveDatabaseTarget } from '../../../kit/src';
import { leasedHousekeeping } from './scheduleHousekeeping';
import { loadPointsConfig } from '../config';
import { pointsSchema } from '../db/data-source';
import { memberPeer } from '../grpc/peers';

async function main(): Promise<void> {
  const config = loadPointsConfig();
  const logger = createLogger('points-expiry', config.logLevel);
  const { dataSource } = await openDatabase(resolveDatabaseTarget(config), pointsSchema);
  const member = memberPeer(config);
  try {
    const result = await leasedHousekeeping(dataSource, { member, rules: config }, `job:${new Date().toISOString()}`);
    if (result) logger.info(result, 'points housekeeping done');
    else logger.info('points housekeeping is running elsewhere (lease held); nothing to do');
  } finally {
    member.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
