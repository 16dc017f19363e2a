/**
 * Applies pending migrations of every service (or the ones named) and exits:
 * `npm run migrate [-- member points]`. Services also migrate on start; this is for deploy pipelines.
 */
import {
  createLogger,
  openDatabase,
  readCommonConfig,
  resolveDatabaseTarget,
  SERVICE_NAMES,
  type DatabaseSchema,
  type ServiceName,
} from '../services/kit/src';
import { benefitsSchema } from '../services/benefits/src/db/data-source';
import { campaignSchema } from '../services/campaign/src/db/data-source';
import { memberSchema } from '../services/member/src/db/data-source';
import { pointsSchema } from '../services/points/src/db/data-source';
import { riskSchema } from '../services/risk/src/db/data-source';

const SCHEMAS: Record<ServiceName, DatabaseSchema> = {
  member: memberSchema,
  points: pointsSchema,
  benefits: benefitsSchema,
  campaign: campaignSchema,
  risk: riskSchema,
};

async function main(): Promise<void> {
  const logger = createLogger('migrate');
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = asked.filter((name) => !(SERVICE_NAMES as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`unknown service ${unknown.join(', ')}; expected some of ${SERVICE_NAMES.join(', ')}`);
  for (const service of (asked.length ? asked : SERVICE_NAMES) as ServiceName[]) {
    const target = resolveDatabaseTarget(readCommonConfig(service));
    const { dataSource } = await openDatabase(target, SCHEMAS[service]);
    await dataSource.destroy();
    logger.info({ service, database: target.kind === 'mysql' ? target.database : target.file }, 'migrated');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
