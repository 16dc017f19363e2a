/**
 * `npm run job:reevaluate-tiers [-- 2026]`: the yearly tier re-evaluation (DOMAIN.md §2), for the
 * given cycle (default: this year). Safe to re-run: each member is re-evaluated once per cycle.
 */
import { createLogger, openDatabase, resolveDatabaseTarget } from '../../../kit/src';
import { reevaluateTiers } from '../commands/reevaluateTiers';
import { loadPointsConfig } from '../config';
import { pointsSchema } from '../db/data-source';
import { memberPeer } from '../grpc/peers';

async function main(): Promise<void> {
  const config = loadPointsConfig();
  const logger = createLogger('tier-reevaluation', config.logLevel);
  const cycle = process.argv.slice(2).find((a) => /^\d{4}$/.test(a)) ?? String(new Date().getUTCFullYear());
  const { dataSource } = await openDatabase(resolveDatabaseTarget(config), pointsSchema);
  const member = memberPeer(config);
  try {
    logger.info({ cycle, ...(await reevaluateTiers(dataSource, member, cycle)) }, 'tier re-evaluation done');
  } finally {
    member.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
