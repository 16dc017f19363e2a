import {
  createLogger,
  JWKS_PATH,
  createServiceMetrics,
  openDatabase,
  createOutbox,
  runEvery,
  resolveDatabaseTarget,
  startSubgraphService,
  type Logger,
  type ServiceHandle,
} from '../../kit/src';
import { endExpiredGrants } from './commands/endGrants';
import { fillTopTierSeats } from './commands/topTier';
import { createAuth, type AuthEdges } from './auth/createAuth';
import { jwksRoute } from './auth/jwksRoute';
import { bootstrapAdmin } from './auth/staff';
import { LATE_ASSESSMENT_TOPIC, lateAssessmentHandler } from './commands/assessSignIn';
import { memberEventHandlers } from './commands/memberEvents';
import { deliveringMilestoneHook } from './commands/milestones';
import type { MemberConfig } from './config';
import { createMemberContext } from './context';
import { memberSchema } from './db/data-source';
import { resolvers } from './graphql/resolvers';
import { connectPeers } from './grpc/peers';
import { MEMBER_GRPC_SERVICE, memberGrpcService } from './grpc/service';

/** Opens the member database (migrating it) and starts its subgraph and gRPC servers. */
export async function createMemberService(
  config: MemberConfig,
  logger: Logger = createLogger('member', config.logLevel),
  edges: AuthEdges = {},
): Promise<ServiceHandle> {
  const metrics = createServiceMetrics(config.service);
  const database = await openDatabase(resolveDatabaseTarget(config), memberSchema, metrics);
  const auth = createAuth(database.dataSource, config.pii, config.auth, logger, edges);
  if (await bootstrapAdmin(database.dataSource, config.auth.bootstrapAdmin)) {
    logger.warn(
      { username: config.auth.bootstrapAdmin?.username },
      config.nodeEnv === 'production'
        ? 'created the first ADMIN staff account (STAFF_BOOTSTRAP_ADMIN)'
        : 'created the first ADMIN staff account (STAFF_BOOTSTRAP_ADMIN, or the development one)',
    );
  }
  // Said once at start, so an operator sees at a glance which sign-ins this deployment offers.
  if (auth.sms) logger.info({ sms: auth.sms.name }, 'SMS sign-in codes go through this sender');
  else logger.warn('SMS sign-in is unavailable: no SMS provider is configured (SMS_PROVIDER); requestLoginCode answers UNAVAILABLE');
  if (!auth.weChat) logger.warn('mini-program sign-in is unavailable: WECHAT_APP_ID and WECHAT_APP_SECRET are not set');
  const peers = connectPeers(config, metrics);
  // Member events reach the points, benefits and campaign services from the outbox: at once after each write, retried
  // by the dispatcher; sign-ins that went ahead while risk did not answer reach risk the same way, for review.
  const outbox = createOutbox({
    dataSource: database.dataSource,
    handlers: {
      ...memberEventHandlers(peers.points, peers.benefits, peers.campaign),
      [LATE_ASSESSMENT_TOPIC]: lateAssessmentHandler(peers.risk),
    },
    logger,
    intervalMs: config.outboxIntervalMs,
    batching: config.outboxBatching,
  });
  // Ends staff grants at their expiry (with a history entry) even for members nobody reads; and,
  // with a capped top tier, gives seats freed meanwhile (or added by new members) to those in line.
  const grants = runEvery(
    config.grantSweepIntervalMs,
    async () => {
      const ended = await endExpiredGrants(database.dataSource);
      if (ended > 0) logger.info({ ended }, 'expired tier grants ended');
      const seated = await fillTopTierSeats(database.dataSource, config.tierRules.topTier);
      if (seated > 0) logger.info({ seated }, 'members given a free seat at the top tier');
    },
    (error) => logger.error({ err: error }, 'ending expired tier grants failed'),
  );
  return startSubgraphService({
    config,
    logger,
    database,
    resolvers,
    routes: { [JWKS_PATH]: jwksRoute(auth.keys, logger) },
    createContext: createMemberContext(
      database.dataSource,
      config.pii,
      auth,
      outbox.deliverNow,
      config.tierRules,
      peers.risk,
      peers.campaign,
    ),
    grpcServices: [
      memberGrpcService(
        database.dataSource,
        deliveringMilestoneHook(outbox, logger),
        { logger, serviceToken: config.serviceToken },
        config.tierRules,
        config.pii,
        outbox,
      ),
    ],
    grpcHealthName: MEMBER_GRPC_SERVICE,
    onStop: async () => {
      await Promise.all([outbox.stop(), grants.stop()]);
      peers.close();
      auth.sms?.close?.();
    },
  });
}
