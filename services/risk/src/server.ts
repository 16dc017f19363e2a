import {
  createLogger,
  createServiceMetrics,
  openDatabase,
  resolveDatabaseTarget,
  startSubgraphService,
  type Logger,
  type ServiceHandle,
} from '../../kit/src';
import type { RiskConfig } from './config';
import { createRiskContext } from './context';
import { riskSchema } from './db/data-source';
import { resolvers } from './graphql/resolvers';
import { RISK_GRPC_SERVICE, riskGrpcService } from './grpc/service';

/** Opens the risk database (migrating it) and starts its subgraph and gRPC servers. */
export async function createRiskService(
  config: RiskConfig,
  logger: Logger = createLogger('risk', config.logLevel),
): Promise<ServiceHandle> {
  const metrics = createServiceMetrics(config.service);
  const database = await openDatabase(resolveDatabaseTarget(config), riskSchema, metrics);
  return startSubgraphService({
    config,
    logger,
    database,
    resolvers,
    createContext: createRiskContext(database.dataSource),
    grpcServices: [riskGrpcService(database.dataSource, { logger, serviceToken: config.serviceToken })],
    grpcHealthName: RISK_GRPC_SERVICE,
  });
}
