import { createLogger, openDatabase, resolveDatabaseTarget, startSubgraphService, type Logger, type ServiceHandle } from '../../kit/src';
import { loggingMilestoneHook } from './commands/milestones';
import type { MemberConfig } from './config';
import { createMemberContext } from './context';
import { memberSchema } from './db/data-source';
import { resolvers } from './graphql/resolvers';
import { MEMBER_GRPC_SERVICE, memberGrpcService } from './grpc/service';

/** Opens the member database (migrating it) and starts its subgraph and gRPC servers. */
export async function createMemberService(
  config: MemberConfig,
  logger: Logger = createLogger('member', config.logLevel),
): Promise<ServiceHandle> {
  const database = await openDatabase(resolveDatabaseTarget(config), memberSchema);
  return startSubgraphService({
    config,
    logger,
    database,
    resolvers,
    createContext: createMemberContext(database.dataSource),
    grpcServices: [memberGrpcService(database.dataSource, loggingMilestoneHook(logger), logger)],
    grpcHealthName: MEMBER_GRPC_SERVICE,
  });
}
