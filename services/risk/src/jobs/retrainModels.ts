/**
 * `npm run job:retrain-models` (the image's `retrain-risk-models`, run by the CronJob in
 * deploy/k8s/risk-jobs.yaml each quarter): trains the churn and CLV models on every member's
 * history from points and engagement from campaign, stores them as the next version, scores every member, then exits.
 */
import { createLogger, openDatabase, resolveDatabaseTarget } from '../../../kit/src';
import { loadRiskConfig } from '../config';
import { riskSchema } from '../db/data-source';
import { activityPeer, engagementPeer } from '../grpc/peers';
import { leasedRetrain } from './modelJobs';

async function main(): Promise<void> {
  const config = loadRiskConfig();
  const logger = createLogger('risk-retrain', config.logLevel);
  const { dataSource } = await openDatabase(resolveDatabaseTarget(config), riskSchema);
  const points = activityPeer(config);
  const campaign = engagementPeer(config);
  try {
    const result = await leasedRetrain(dataSource, { points, campaign }, config.models);
    if (result)
      logger.info(
        { version: result.version, auc: result.report.churn.auc, members: result.members, ms: result.durationMs },
        'models trained',
      );
    else logger.info('this quarter is trained, or training runs elsewhere (lease held); nothing to do');
  } finally {
    points.close();
    campaign.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
