import {
  createLogger,
  createServiceMetrics,
  openDatabase,
  resolveDatabaseTarget,
  startSubgraphService,
  type Logger,
  type ServiceHandle,
} from '../../kit/src';
import type { PointsConfig } from './config';
import { createPointsContext } from './context';
import { createPointsEvents } from './events';
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
  const events = createPointsEvents({
    dataSource: database.dataSource,
    peers,
    benefits,
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
    createContext: createPointsContext(database.dataSource, peers, events.delivery, config),
    grpcServices: [pointsGrpcService(database.dataSource, peers, events.delivery, config, { logger, serviceToken: config.serviceToken })],
    grpcHealthName: POINTS_GRPC_SERVICE,
    onStop: async () => {
      await Promise.all([housekeeping.stop(), events.stop()]);
      peers.close();
      benefits.close();
    },
  });
}
