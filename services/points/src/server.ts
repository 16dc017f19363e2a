import {
  createLogger,
  openDatabase,
  resolveDatabaseTarget,
  startOutboxDispatcher,
  startSubgraphService,
  type Logger,
  type ServiceHandle,
} from '../../kit/src';
import type { PointsConfig } from './config';
import { createPointsContext } from './context';
import { pointsSchema } from './db/data-source';
import { resolvers } from './graphql/resolvers';
import { createCampaignClient } from './grpc/clients/campaign';
import { createMemberClient } from './grpc/clients/member';
import { createRiskClient } from './grpc/clients/risk';
import { POINTS_GRPC_SERVICE, pointsGrpcService } from './grpc/service';
import { scheduleHousekeeping } from './jobs/scheduleHousekeeping';
import { publishActivity } from './commands/publishActivity';
import type { Peers } from './commands/recordOrder';

/** Opens the points database (migrating it), connects to its peers and starts its servers. */
export async function createPointsService(
  config: PointsConfig,
  logger: Logger = createLogger('points', config.logLevel),
): Promise<ServiceHandle> {
  const database = await openDatabase(resolveDatabaseTarget(config), pointsSchema);
  const member = createMemberClient(config.memberGrpcAddress, config.grpcDeadlineMs, config.serviceToken);
  const clients = {
    member,
    campaign: createCampaignClient(config.campaignGrpcAddress, config.grpcDeadlineMs, config.serviceToken),
    risk: createRiskClient(config.riskGrpcAddress, config.grpcDeadlineMs, config.serviceToken),
  };
  const peers: Peers = {
    ...clients,
    publishActivity: (memberId) =>
      publishActivity(database.dataSource, member, memberId).catch((error: unknown) =>
        logger.warn({ err: error, memberId }, 'tier activity not delivered yet; the outbox dispatcher will retry'),
      ),
  };
  const housekeeping = scheduleHousekeeping(database.dataSource, config.expiryIntervalMs, logger);
  const outbox = startOutboxDispatcher(
    database.dataSource,
    (memberId) => publishActivity(database.dataSource, member, memberId),
    config.outboxIntervalMs,
    (error) => logger.warn({ err: error }, 'outbox delivery failed; will retry'),
  );
  return startSubgraphService({
    config,
    logger,
    database,
    resolvers,
    createContext: createPointsContext(database.dataSource, peers, config),
    grpcServices: [pointsGrpcService(database.dataSource, peers, config, { logger, serviceToken: config.serviceToken })],
    grpcHealthName: POINTS_GRPC_SERVICE,
    onStop: async () => {
      await Promise.all([housekeeping.stop(), outbox.stop()]);
      Object.values(clients).forEach((client) => client.close());
    },
  });
}
