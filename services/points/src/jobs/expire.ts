/**
 * `npm run job:expire`: releases points whose return window passed and expires every due lot,
 * now, then exits. The points service also runs the same on a schedule (POINTS_EXPIRY_INTERVAL_MS);
 * both are safe to run at the same time.
 */
import { createLogger, openDatabase, resolveDatabaseTarget } from '../../../kit/src';
import { pointsHousekeeping } from './scheduleHousekeeping';
import { loadPointsConfig } from '../config';
import { pointsSchema } from '../db/data-source';
import { memberPeer } from '../grpc/peers';

async function main(): Promise<void> {
  const config = loadPointsConfig();
  const logger = createLogger('points-expiry', config.logLevel);
  const { dataSource } = await openDatabase(resolveDatabaseTarget(config), pointsSchema);
  const member = memberPeer(config);
  try {
    logger.info(await pointsHousekeeping(dataSource, { member, rules: config }), 'points housekeeping done');
  } finally {
    member.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
