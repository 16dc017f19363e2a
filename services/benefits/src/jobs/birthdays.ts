/**
 * `npm run job:birthdays` (the image's `birthday-benefits`, run daily by the CronJob in
 * deploy/k8s/benefits-jobs.yaml): gives today's birthday rewards, then exits. The benefits service
 * runs the same on a schedule; the lease makes one of them run a day, the grant keys make it once
 * per member per year whatever runs.
 */
import { createLogger, openDatabase, resolveDatabaseTarget } from '../../../kit/src';
import { loadBenefitsConfig } from '../config';
import { benefitsSchema } from '../db/data-source';
import { connectPeers } from '../grpc/peers';
import { leasedBirthdays } from './scheduleBirthdays';

async function main(): Promise<void> {
  const config = loadBenefitsConfig();
  const logger = createLogger('birthday-benefits', config.logLevel);
  const { dataSource } = await openDatabase(resolveDatabaseTarget(config), benefitsSchema);
  const peers = connectPeers(config);
  try {
    const result = await leasedBirthdays(dataSource, peers.member, config.utcOffsetMinutes);
    if (result) logger.info(result, 'birthday rewards given');
    else logger.info("today's birthday rewards are done or running elsewhere (lease held); nothing to do");
  } finally {
    peers.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
