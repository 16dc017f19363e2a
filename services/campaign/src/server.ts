import {
  createLogger,
  createServiceMetrics,
  openDatabase,
  resolveDatabaseTarget,
  startSubgraphService,
  type Logger,
  type ServiceHandle,
} from '../../kit/src';
import type { CampaignConfig } from './config';
import { createCampaignContext } from './context';
import { campaignSchema } from './db/data-source';
import { resolvers } from './graphql/resolvers';
import { connectSegmentPeers } from './grpc/segmentPeers';
import { CAMPAIGN_GRPC_SERVICE, campaignGrpcService } from './grpc/service';
import { scheduleSegmentRecompute } from './jobs/scheduleSegments';

/** Opens the campaign database (migrating it) and starts its subgraph and gRPC servers. */
export async function createCampaignService(
  config: CampaignConfig,
  logger: Logger = createLogger('campaign', config.logLevel),
): Promise<ServiceHandle> {
  const metrics = createServiceMetrics(config.service);
  const database = await openDatabase(resolveDatabaseTarget(config), campaignSchema, metrics);
  // Segments read member facts and purchase statistics from member and points (streams, in batches).
  const segmentPeers = connectSegmentPeers(config, metrics);
  const segmentRules = { ...config.segments };
  const segmentJob = scheduleSegmentRecompute(database.dataSource, segmentPeers, segmentRules, config.segments.recomputeIntervalMs, logger);
  return startSubgraphService({
    config,
    logger,
    database,
    resolvers,
    createContext: createCampaignContext(database.dataSource, {
      peers: segmentPeers,
      rules: segmentRules,
      utcOffsetMinutes: config.utcOffsetMinutes,
    }),
    grpcServices: [campaignGrpcService(database.dataSource, config, { logger, serviceToken: config.serviceToken })],
    grpcHealthName: CAMPAIGN_GRPC_SERVICE,
    onStop: async () => {
      await segmentJob.stop();
      segmentPeers.close();
    },
  });
}
