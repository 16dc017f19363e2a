/**
 * The model training the bench measures, in a process of its own so that its peak RSS is the
 * training's alone: reads every member's history from points and campaign over gRPC, trains, stores the version
 * and scores every member, then prints one JSON line with the timings, peak RSS and the fit.
 * Environment: the stack's (database, service token), POINTS_GRPC_ADDRESS and CAMPAIGN_GRPC_ADDRESS.
 */
import { openDatabase, resolveDatabaseTarget } from '../../services/kit/src';
import { trainMemberModels } from '../../services/risk/src/commands/memberModels';
import { loadRiskConfig } from '../../services/risk/src/config';
import { riskSchema } from '../../services/risk/src/db/data-source';
import { activityPeer, engagementPeer } from '../../services/risk/src/grpc/peers';

async function main(): Promise<void> {
  const config = loadRiskConfig();
  const { dataSource } = await openDatabase(resolveDatabaseTarget(config), riskSchema);
  const points = activityPeer(config);
  const campaign = engagementPeer(config);
  try {
    const baselineRssMiB = process.memoryUsage().rss / 2 ** 20;
    const outcome = await trainMemberModels(dataSource, { points, campaign }, config.models, 'bench');
    const peakRssMiB = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify({ outcome, peakRssMiB, baselineRssMiB }));
  } finally {
    points.close();
    campaign.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
