/**
 * `npm run job:evaluate-models` (the image's `evaluate-risk-models`, run by the CronJob in
 * deploy/k8s/risk-jobs.yaml each month): judges the model in use on fresh data (MODEL_AUC_LOW
 * below 0.75), scores every member for the month and raises the month's alerts, then exits.
 */
import { createLogger, openDatabase, resolveDatabaseTarget } from '../../../kit/src';
import { loadRiskConfig } from '../config';
import { riskSchema } from '../db/data-source';
import { activityPeer, engagementPeer } from '../grpc/peers';
import { leasedEvaluation } from './modelJobs';

async function main(): Promise<void> {
  const config = loadRiskConfig();
  const logger = createLogger('risk-evaluation', config.logLevel);
  const { dataSource } = await openDatabase(resolveDatabaseTarget(config), riskSchema);
  const points = activityPeer(config);
  const campaign = engagementPeer(config);
  try {
    const result = await leasedEvaluation(dataSource, { points, campaign }, config.models);
    if (result) logger.info(result, 'models evaluated, members scored');
    else logger.info('this month is evaluated, or evaluation runs elsewhere (lease held); nothing to do');
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
