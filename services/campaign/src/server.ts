import {
  createLogger,
  createOutbox,
  createServiceMetrics,
  openDatabase,
  resolveDatabaseTarget,
  startSubgraphService,
  type Logger,
  type ServiceHandle,
} from '../../kit/src';
import { calendarHandlers } from './commands/campaignCalendar';
import { actionRewardHandler, CAMPAIGN_REWARD } from './commands/recordAction';
import { referralHandlers } from './commands/referralRewards';
import type { CampaignConfig } from './config';
import { createCampaignContext } from './context';
import { campaignSchema } from './db/data-source';
import { resolvers } from './graphql/resolvers';
import { connectPeers } from './grpc/peers';
import { connectSegmentPeers } from './grpc/segmentPeers';
import { CAMPAIGN_GRPC_SERVICE, campaignGrpcService } from './grpc/service';
import { scheduleSegmentRecompute } from './jobs/scheduleSegments';

/** Opens the campaign database (migrating it), connects to its peers and starts its subgraph and gRPC servers. */
export async function createCampaignService(
  config: CampaignConfig,
  logger: Logger = createLogger('campaign', config.logLevel),
): Promise<ServiceHandle> {
  const metrics = createServiceMetrics(config.service);
  const database = await openDatabase(resolveDatabaseTarget(config), campaignSchema, metrics);
  const peers = connectPeers(config, metrics);
  // Referral counting, referral and campaign rewards reach risk, member, points and benefits from the outbox, and
  // calendar changes points: at once after each write, retried by the dispatcher.
  const outbox = createOutbox({
    dataSource: database.dataSource,
    handlers: {
      ...referralHandlers(database.dataSource, peers),
      [CAMPAIGN_REWARD]: actionRewardHandler(peers),
      ...calendarHandlers(peers),
    },
    logger,
    intervalMs: config.outboxIntervalMs,
    batching: config.outboxBatching,
  });
  // Segments read member facts and purchase statistics from member and points (streams, in batches).
  const segmentPeers = connectSegmentPeers(config, metrics);
  const segmentRules = { ...config.segments };
  const segmentJob = scheduleSegmentRecompute(database.dataSource, segmentPeers, segmentRules, config.segments.recomputeIntervalMs, logger);
  return startSubgraphService({
    config,
    logger,
    database,
    resolvers,
    createContext: createCampaignContext(database.dataSource, peers, outbox, config, {
      peers: segmentPeers,
      rules: segmentRules,
      utcOffsetMinutes: config.utcOffsetMinutes,
    }),
    grpcServices: [campaignGrpcService(database.dataSource, peers, outbox, config, { logger, serviceToken: config.serviceToken })],
    grpcHealthName: CAMPAIGN_GRPC_SERVICE,
    onStop: async () => {
      await segmentJob.stop();
      await outbox.stop();
      segmentPeers.close();
      peers.close();
    },
  });
}
