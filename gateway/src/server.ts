import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  closeHttpServer,
  createHttpServer,
  createLogger,
  createServiceMetrics,
  formatGraphQLError,
  graphqlMetricsPlugin,
  listen,
  repoPath,
  type Logger,
  type ServiceMetrics,
  type ServiceName,
} from '../../services/kit/src';
import type { GatewayConfig } from './config';
import { parseOptions, queryLimits } from './armor';
import { withApolloErrorCodes } from './apolloErrorCodes';
import { operationGuard, plannerErrorsAsValidation } from './operationGuard';
import { partnerSelection } from './partnerSelection';
import { createAuthenticator } from './auth';
import { clientAddress } from './clientAddress';
import { partnerKeyCheck } from './partnerKeys';
import { rateLimits } from './rateLimit';
import { loadManifest, persistedQueryCache, trustedDocuments } from './trustedDocuments';
import { playgroundRoutes } from './playground/assets';
import { requestHeaders, SignedSubgraphDataSource, type GatewayContext } from './subgraph-fetch';

export interface GatewayHandle {
  url: string;
  /** The gateway's Prometheus metrics, served at /metrics on its port. */
  metrics: ServiceMetrics;
  stop(): Promise<void>;
}

/**
 * Builds the gateway over the committed supergraph (schemas/supergraph.graphql) and listens.
 * Subgraph URLs come from configuration, not from the supergraph, so one file serves every deployment.
 */
export async function createGateway(
  config: GatewayConfig,
  logger: Logger = createLogger('gateway', config.logLevel),
): Promise<GatewayHandle> {
  const metrics = createServiceMetrics('gateway');
  const sources: SignedSubgraphDataSource[] = [];
  const headersFor = requestHeaders(config.identitySecret);
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(repoPath('schemas', 'supergraph.graphql'), 'utf8'),
    buildService: ({ name, url }) => {
      const source = new SignedSubgraphDataSource(config.subgraphUrls[name as ServiceName] ?? url!, headersFor, {
        name,
        logger,
        timeoutMs: config.subgraphTimeoutMs,
        breakerResetMs: config.breakerResetMs,
        breakerConsecutiveFailures: config.breakerConsecutiveFailures,
        metrics,
      });
      sources.push(source);
      return source;
    },
    logger,
  });
  const limits = queryLimits(config);
  const rates = rateLimits(config.rateLimits, logger);
  const registered = config.trustedDocuments.manifest ? loadManifest(config.trustedDocuments.manifest) : new Map<string, string>();
  const apollo = new ApolloServer<GatewayContext>({
    gateway: plannerErrorsAsValidation(gateway),
    introspection: config.introspection,
    // Keep Apollo Server 5's CSRF prevention and its refusal of batched HTTP requests.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // runUntilSignal owns SIGTERM (see the kit's subgraph.ts: Apollo's own handler left processes hanging).
    stopOnTerminationSignals: false,
    validationRules: limits.validationRules,
    parseOptions: parseOptions(config),
    formatError: withApolloErrorCodes(formatGraphQLError((error) => logger.error({ err: error }, 'gateway error'))),
    // Automatic persisted queries, with the registered operations always known by hash.
    persistedQueries: { cache: persistedQueryCache(registered) },
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      operationGuard(),
      partnerSelection(),
      trustedDocuments(registered, config.trustedDocuments.enforce),
      ...limits.plugins,
      rates.plugin,
      graphqlMetricsPlugin<GatewayContext>(metrics),
    ],
  });
  await apollo.start();
  const partners = partnerKeyCheck({
    address: config.memberGrpcAddress,
    serviceToken: config.serviceToken,
    tls: config.grpcTls,
    deadlineMs: config.grpcDeadlineMs,
    cacheMs: config.partnerKeyCacheMs,
    metrics,
  });
  const authenticate = createAuthenticator({
    jwksUrl: config.jwksUrl,
    cooldownMs: config.jwksCooldownMs,
    partners,
    addressOf: clientAddress(config.trustedProxies),
  });
  const playground = config.playground ? playgroundRoutes('/graphql') : undefined;
  const http = createHttpServer<GatewayContext>({
    apollo,
    maxBodyBytes: config.maxBodyBytes,
    maxNesting: config.limits.maxNesting,
    routes: playground?.routes,
    metrics,
    htmlLanding: playground?.landing,
    // The gateway has no database; it is ready once the supergraph is loaded (apollo.start above).
    ready: async () => undefined,
    context: async (req) => ({
      identity: await authenticate(req),
      requestId: (req.headers['x-request-id'] as string | undefined) ?? randomUUID(),
    }),
  });
  const port = await listen(http, config.host, config.port);
  const url = `http://${config.host}:${port}/graphql`;
  logger.info({ url }, 'gateway started');
  let stopping: Promise<void> | undefined;
  return {
    url,
    metrics,
    stop: () =>
      (stopping ??= (async () => {
        await closeHttpServer(http);
        await apollo.stop();
        await Promise.all(sources.map((source) => source.close()));
        partners.close();
        await rates.close();
        logger.info('gateway stopped');
      })()),
  };
}
