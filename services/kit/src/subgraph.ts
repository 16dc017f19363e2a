import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import type { DataSource } from 'typeorm';
import type { QueryCounter } from './database';
import type { CommonConfig } from './config';
import { formatGraphQLError } from './errors';
import { startGrpcServer, type grpc } from './grpc';
import { closeHttpServer, createHttpServer, HttpError, listen, type Route } from './http';
import { verifyIdentity, type Identity } from './identity';
import type { Logger } from './logger';
import { KnownOperations } from './knownOperations';
import { createServiceMetrics, graphqlMetricsPlugin, metricsOf, operationCounter, type ServiceMetrics } from './metrics';
import { repoPath } from './paths';

/** What every resolver sees, whatever the service: who calls and a request id for the logs. */
export interface RequestBase {
  identity: Identity;
  requestId: string;
}

export interface ServiceHandle {
  httpUrl: string;
  grpcAddress: string;
  dataSource: DataSource;
  /** SQL statements issued so far (tests prove batching with it). */
  queries: QueryCounter;
  /** The service's Prometheus metrics, served at /metrics on its HTTP port. */
  metrics: ServiceMetrics;
  stop(): Promise<void>;
}

/**
 * A subgraph's resolver map. Each service types its own with the `Resolvers` generated from its SDL
 * (src/graphql/__generated__, typed with the service's context and entity types, `__resolveReference`
 * included), which @apollo/subgraph's GraphQLResolverMap cannot express.
 */
export type SubgraphResolvers = { [typeName: string]: object | undefined };

export interface SubgraphServiceOptions<Ctx extends RequestBase> {
  config: CommonConfig;
  logger: Logger;
  database: { dataSource: DataSource; queries: QueryCounter };
  resolvers: SubgraphResolvers;
  /** Builds the per-request context (DataLoaders are created here, never at module scope). */
  createContext(base: RequestBase): Ctx;
  grpcServices: Array<{ definition: grpc.ServiceDefinition; implementation: grpc.UntypedServiceImplementation }>;
  grpcHealthName: string;
  /** Extra public HTTP routes (no identity needed), e.g. the member service's JWKS. */
  routes?: Record<string, Route>;
  /** Closes what the service opened besides HTTP, gRPC and its database (peer clients). */
  onStop?: () => Promise<void> | void;
}

/** schemas/<service>.graphql, the service's SDL (schema-first). */
export function loadSubgraphTypeDefs(service: string) {
  return parse(readFileSync(repoPath('schemas', `${service}.graphql`), 'utf8'));
}

/** What Apollo's cache-control plugin answered for every operation here (no policy ever made one cacheable). */
const NO_STORE = Object.freeze({ 'cache-control': 'no-store' });

function headerReader(req: IncomingMessage) {
  return (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
}

/**
 * Starts one subgraph service the same way for all five: Apollo subgraph over HTTP (with /healthz
 * and /readyz), its gRPC server with the health service, identity signature checked before any
 * resolver, and a stop() that drains HTTP and gRPC and then closes the database.
 */
export async function startSubgraphService<Ctx extends RequestBase>(options: SubgraphServiceOptions<Ctx>): Promise<ServiceHandle> {
  try {
    return await startServers(options);
  } catch (error) {
    // A service that cannot listen must not leave its database or peer clients open.
    await options.onStop?.();
    if (options.database.dataSource.isInitialized) await options.database.dataSource.destroy();
    throw error;
  }
}

async function startServers<Ctx extends RequestBase>(options: SubgraphServiceOptions<Ctx>): Promise<ServiceHandle> {
  const { config, logger } = options;
  const { dataSource, queries } = options.database;
  // The registry the database was opened with (openDatabase), so statements and requests count together.
  const metrics = metricsOf(dataSource) ?? createServiceMetrics(config.service);
  const schema = buildSubgraphSchema({
    typeDefs: loadSubgraphTypeDefs(config.service),
    resolvers: options.resolvers as GraphQLResolverMap<unknown>,
  });
  const formatError = formatGraphQLError((error) => logger.error({ err: error }, 'unexpected resolver error'));
  const countOperation = operationCounter(metrics);
  const known = new KnownOperations(schema, formatError);
  const apollo = new ApolloServer<Ctx>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // runUntilSignal owns SIGTERM and stops everything in order; Apollo's own handler (installed
    // whenever NODE_ENV is not "test") raced it, stopped Apollo twice and left the process hanging.
    stopOnTerminationSignals: false,
    // Inline traces are for Apollo's hosted studio, which brands on intranets do not use; they cost CPU per field.
    // Cache control (installed by default) wraps every resolver to compute a cache policy per field,
    // for a header that can only say no-store: no type carries @cacheControl, and a subgraph's
    // answers are personal. The HTTP front says no-store on every GraphQL answer instead.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      graphqlMetricsPlugin<Ctx>(metrics, countOperation),
      known.plugin<Ctx>(),
    ],
  });
  await apollo.start();
  const http = createHttpServer<Ctx>({
    apollo,
    graphqlHeaders: NO_STORE,
    routes: options.routes,
    metrics,
    ready: async () => {
      await dataSource.query('SELECT 1');
    },
    context: async (req, rawBody) => {
      const verified = verifyIdentity(headerReader(req), rawBody, config.identitySecret, config.signatureWindow);
      if (!verified.ok) {
        // Which check failed helps whoever probes around the gateway: only development says it.
        logger.warn({ reason: verified.reason, remote: req.socket.remoteAddress }, 'refused a request without a valid identity signature');
        throw new HttpError(401, config.nodeEnv === 'development' ? verified.reason : 'unauthenticated', 'UNAUTHENTICATED');
      }
      const requestId = headerReader(req)('x-request-id') ?? randomUUID();
      return options.createContext({ identity: verified.identity, requestId });
    },
    answer: async (req, body, context) => {
      const operation = known.lookup({ method: req.method, contentType: req.headers['content-type'], accept: req.headers.accept }, body);
      const answer = operation && (await known.run(operation, body as Record<string, unknown>, context));
      if (answer) countOperation(answer.type, answer.name, answer.failed);
      return answer;
    },
  });
  const httpPort = await listen(http, config.host, config.httpPort);
  const grpcServer = await startGrpcServer({
    host: config.host,
    port: config.grpcPort,
    services: options.grpcServices,
    healthName: options.grpcHealthName,
    tls: config.grpcTls,
    metrics,
  }).catch(async (error: unknown) => {
    await closeHttpServer(http, 0);
    await apollo.stop();
    throw error;
  });
  const httpUrl = `http://${config.host}:${httpPort}/graphql`;
  const grpcAddress = `${config.host}:${grpcServer.port}`;
  logger.info({ httpUrl, grpcAddress }, `${config.service} started`);
  let stopping: Promise<void> | undefined;
  return {
    httpUrl,
    grpcAddress,
    dataSource,
    queries,
    metrics,
    stop: () =>
      (stopping ??= (async () => {
        await Promise.all([closeHttpServer(http), grpcServer.stop()]);
        await apollo.stop();
        await options.onStop?.();
        if (dataSource.isInitialized) await dataSource.destroy();
        logger.info(`${config.service} stopped`);
      })()),
  };
}
