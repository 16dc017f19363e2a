import { createLogger, openDatabase, resolveDatabaseTarget, startSubgraphService, type Logger, type ServiceHandle } from '../../kit/src';
import type { BenefitsConfig } from './config';
import { createBenefitsContext } from './context';
import { benefitsSchema } from './db/data-source';
import { resolvers } from './graphql/resolvers';
import { connectPeers } from './grpc/peers';
import { BENEFITS_GRPC_SERVICE, benefitsGrpcService } from './grpc/service';

/** Opens the benefits database (migrating it), connects to its peers and starts its subgraph and gRPC servers. */
export async function createBenefitsService(
  config: BenefitsConfig,
  logger: Logger = createLogger('benefits', config.logLevel),
): Promise<ServiceHandle> {
  const database = await openDatabase(resolveDatabaseTarget(config), benefitsSchema);
  const peers = connectPeers(config);
  return startSubgraphService({
    config,
    logger,
    database,
    resolvers,
    createContext: createBenefitsContext(database.dataSource, peers),
    grpcServices: [benefitsGrpcService(database.dataSource, peers, { logger, serviceToken: config.serviceToken })],
    grpcHealthName: BENEFITS_GRPC_SERVICE,
    onStop: async () => peers.close(),
  });
}
