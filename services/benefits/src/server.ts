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
import { localCouponIssuer, REWARD_SAGA_STEP, rewardSagaHandler, type SagaDeps } from './commands/rewardSaga';
import type { BenefitsConfig } from './config';
import { createBenefitsContext } from './context';
import { benefitsSchema } from './db/data-source';
import { resolvers } from './graphql/resolvers';
import { connectPeers } from './grpc/peers';
import { BENEFITS_GRPC_SERVICE, benefitsGrpcService } from './grpc/service';
import { scheduleBirthdays } from './jobs/scheduleBirthdays';

/** Opens the benefits database (migrating it), connects to its peers and starts its subgraph and gRPC servers. */
export async function createBenefitsService(
  config: BenefitsConfig,
  logger: Logger = createLogger('benefits', config.logLevel),
): Promise<ServiceHandle> {
  const metrics = createServiceMetrics(config.service);
  const database = await openDatabase(resolveDatabaseTarget(config), benefitsSchema, metrics);
  const peers = connectPeers(config, metrics);
  const saga: SagaDeps = {
    dataSource: database.dataSource,
    points: peers.points,
    coupons: localCouponIssuer(database.dataSource, peers.member),
    holdTtlMs: config.rewardHoldTtlMs,
    issueDeadlineMs: config.rewardIssueDeadlineMs,
    maxStepAttempts: config.rewardStepAttempts,
    logger,
  };
  // Every reward saga step is an outbox event: delivered at once by the request that started the
  // saga, and by the dispatcher after a failure or a restart — which resumes every unfinished saga.
  const outbox = createOutbox({
    dataSource: database.dataSource,
    handlers: { [REWARD_SAGA_STEP]: rewardSagaHandler(saga) },
    logger,
    intervalMs: config.outboxIntervalMs,
    batching: config.outboxBatching,
    backoff: { initialMs: 500, maxMs: 30_000 },
  });
  const birthdays = scheduleBirthdays(
    database.dataSource,
    peers.member,
    { checkMs: config.birthdayCheckMs, utcOffsetMinutes: config.utcOffsetMinutes },
    logger,
  );
  return startSubgraphService({
    config,
    logger,
    database,
    resolvers,
    createContext: createBenefitsContext(database.dataSource, peers, { saga, outbox }, config.utcOffsetMinutes),
    grpcServices: [benefitsGrpcService(database.dataSource, peers, { logger, serviceToken: config.serviceToken })],
    grpcHealthName: BENEFITS_GRPC_SERVICE,
    onStop: async () => {
      await outbox.stop();
      await birthdays.stop();
      peers.close();
    },
  });
}
