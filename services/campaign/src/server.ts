import { createLogger, openDatabase, resolveDatabaseTarget, startSubgraphService, type Logger, type ServiceHandle } from '../../kit/src';
import type { CampaignConfig } from './config';
import { createCampaignContext } from './context';
import { campaignSchema } from './db/data-source';
import { resolvers } from './graphql/resolvers';
import { CAMPAIGN_GRPC_SERVICE, campaignGrpcService } from './grpc/service';

/** Opens the campaign database (migrating it) and starts its subgraph and gRPC servers. */
export async function createCampaignService(
  config: CampaignConfig,
  logger: Logger = createLogger('campaign', config.logLevel),
): Promise<ServiceHandle> {
  const database = await openDatabase(resolveDatabaseTarget(config), campaignSchema);
  return startSubgraphService({
    config,
    logger,
    database,
    resolvers,
    createContext: createCampaignContext(database.dataSource),
    grpcServices: [campaignGrpcService(database.dataSource, config, { logger, serviceToken: config.serviceToken })],
    grpcHealthName: CAMPAIGN_GRPC_SERVICE,
  });
}
