/**
 * `npm run job:expire`: expires every due points lot now and exits. The points service also runs
 * the same job on a schedule (POINTS_EXPIRY_INTERVAL_MS); both are safe to run at the same time.
 */
import { createLogger, openDatabase, resolveDatabaseTarget } from '../../../kit/src';
import { expireDueLots } from '../commands/expireLots';
import { loadPointsConfig } from '../config';
import { pointsSchema } from '../db/data-source';

async function main(): Promise<void> {
  const config = loadPointsConfig();
  const logger = createLogger('points-expiry', config.logLevel);
  const { dataSource } = await openDatabase(resolveDatabaseTarget(config), pointsSchema);
  try {
    const result = await expireDueLots(dataSource);
    logger.info(result, 'expired due points lots');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
