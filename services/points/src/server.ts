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
import { POINTS_EXPIRING, pointsExpiringHandler } from './commands/noticeExpiringPoints';
import { LATE_ASSESSMENT_TOPIC, lateAssessmentHandler } from './commands/assessRisk';
import { BUDGET_RETURN_TOPIC, budgetReturnHandler } from './commands/returnCampaignBudget';
import { ACTIVITY_TOPIC, activityBatchHandler, activityHandler } from './commands/publishActivity';
import { SPEND_TOPIC, spendHandler } from './commands/publishSpend';
import type { PointsConfig } from './config';
import { createPointsContext } from './context';
import { pointsSchema } from './db/data-source';
import { resolvers } from './graphql/resolvers';
import { benefitsPeer, connectPeers } from './grpc/peers';
import { POINTS_GRPC_SERVICE, pointsGrpcService } from './grpc/service';
import { scheduleJobs } from './jobs/scheduleHousekeeping';

/** Opens the points database (migrating it), connects to its peers and starts its servers. */
export async function createPointsService(
  config: PointsConfig,
  logger: Logger = createLogger('points', config.logLevel),
): Promise<ServiceHandle> {
  const metrics = createServiceMetrics(config.service);
  const database = await openDatabase(resolveDatabaseTarget(config), pointsSchema, metrics);
  const peers = connectPeers(config, metrics);
  // Only the outbox calls benefits (members' spend), so it is no peer of the commands.
  const benefits = benefitsPeer(config, metrics);
  // Tier activity reaches the member service, earns' assessments (after their commit, or when risk
  // did not answer) reach risk, and members' spend reaches benefits, from the outbox: after each
  // write, retried by the dispatcher.
  const outbox = createOutbox({
    dataSource: database.dataSource,
    handlers: {
      [ACTIVITY_TOPIC]: activityHandler(database.dataSource, peers.member),
      [POINTS_EXPIRING]: pointsExpiringHandler(logger),
      [LATE_ASSESSMENT_TOPIC]: lateAssessmentHandler(peers.risk, logger),
      [BUDGET_RETURN_TOPIC]: budgetReturnHandler(database.dataSource, peers.campaign),
      [SPEND_TOPIC]: spendHandler(database.dataSource, benefits),
    },
    batchHandlers: { [ACTIVITY_TOPIC]: activityBatchHandler(database.dataSource, peers.member) },
    logger,
    intervalMs: config.outboxIntervalMs,
    batching: config.outboxBatching,
  });
  const housekeeping = scheduleJobs(
    database.dataSource,
    { member: peers.member, rules: config },
    {
      expiryIntervalMs: config.expiryIntervalMs,
      reevaluationCheckMs: config.reevaluationCheckMs,
      utcOffsetMinutes: config.utcOffsetMinutes,
      holdSweepIntervalMs: config.holdSweepIntervalMs,
    },
    logger,
  );
  return startSubgraphService({
    config,
    logger,
    database,
    resolvers,
    createContext: createPointsContext(database.dataSource, peers, outbox, config),
    grpcServices: [pointsGrpcService(database.dataSource, peers, outbox, config, { logger, serviceToken: config.serviceToken })],
    grpcHealthName: POINTS_GRPC_SERVICE,
    onStop: async () => {
      await Promise.all([housekeeping.stop(), outbox.stop()]);
      peers.close();
      benefits.close();
    },
  });
}
