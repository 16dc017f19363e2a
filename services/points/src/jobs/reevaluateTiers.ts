/**
 * `npm run job:reevaluate-tiers [-- 2026]` (the image's `reevaluate-tiers`, run by the CronJob in
 * deploy/k8s): the yearly tier re-evaluation (DOMAIN.md §2) for the given cycle (default: this
 * programme year). Once per cycle for the whole deployment (a lease with the cycle as run key);
 * a run that crashed is resumed by the next, and each member is re-evaluated once per cycle.
 */
import { createLogger, openDatabase, resolveDatabaseTarget } from '../../../kit/src';
import { loadPointsConfig } from '../config';
import { pointsSchema } from '../db/data-source';
import { memberPeer } from '../grpc/peers';
import { leasedReevaluation, programmeYear } from './scheduleHousekeeping';

async function main(): Promise<void> {
  const config = loadPointsConfig();
  const logger = createLogger('tier-reevaluation', config.logLevel);
  const cycle = process.argv.slice(2).find((a) => /^\d{4}$/.test(a)) ?? programmeYear(new Date(), config.utcOffsetMinutes);
  const { dataSource } = await openDatabase(resolveDatabaseTarget(config), pointsSchema);
  const member = memberPeer(config);
  try {
    const result = await leasedReevaluation(dataSource, member, cycle);
    if (result) logger.info(result, 'tier re-evaluation done');
    else logger.info({ cycle }, 'tier re-evaluation already done for this cycle, or running elsewhere');
  } finally {
    member.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
