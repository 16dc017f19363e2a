import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import type CircuitBreaker from 'opossum';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { PendingCarrier } from './outbox';

/**
 * One process's Prometheus metrics, served at `/metrics` on its HTTP port. A registry per service
 * instance (never prom-client's global one): the test stack runs five services in one process and
 * each must count only its own. Every series carries `service` as a default label.
 *
 * Names are listed in the README (Metrics); change them there too.
 */
export interface ServiceMetrics {
  readonly service: string;
  readonly registry: Registry;
  /** HTTP requests answered, by route (/graphql, /metrics, … or `other`), method and status. */
  readonly httpRequests: Counter<'route' | 'method' | 'status'>;
  readonly httpDuration: Histogram<'route'>;
  /** GraphQL operations executed, by type (query, mutation) and outcome (ok, error). */
  readonly graphqlOperations: Counter<'type' | 'operation' | 'outcome'>;
  /** gRPC calls made to peers and served, by full method path and status name. */
  readonly grpcClientCalls: Counter<'method' | 'status'>;
  readonly grpcServerCalls: Counter<'method' | 'status'>;
  /** SQL statements sent to the database (failed ones included), and the failed ones. */
  readonly sqlStatements: Counter;
  readonly sqlErrors: Counter;
  /** Ledger entries appended, by entry type (EARN, BURN, EXPIRE, …): the points service's. */
  readonly ledgerEntries: Counter<'kind'>;
  /**
   * Changes planned from an account read before their transaction (an earn) that found the account
   * changed at their guarded UPDATE and ran again under the lock read: the points service's.
   */
  readonly ledgerReplans: Counter;
  /** Outbox deliveries by outcome (delivered, failed), counted per event. */
  readonly outboxDeliveries: Counter<'outcome'>;
  /**
   * The points service's earns by when their activity report goes to the tier engine: before_answer
   * (the earn can upgrade, or points cannot tell) or after_answer (in the background).
   */
  readonly activityReports: Counter<'when' | 'decided_by'>;
  /** Breaker state changes (open, halfOpen, close) and calls refused while open, by breaker. */
  readonly breakerTransitions: Counter<'breaker' | 'to'>;
  readonly breakerRejections: Counter<'breaker'>;
  /** The Prometheus text of every metric now. */
  text(): Promise<string>;
}

/** Breaker state as a number: 0 closed, 1 half-open (one trial call), 2 open (calls refused). */
export const BREAKER_STATE = { close: 0, halfOpen: 1, open: 2 } as const;

/** Operation names come from clients: bounded, so a client cannot grow the label set without end. */
const MAX_OPERATION_NAMES = 500;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

let processRegistry: Registry | undefined;

/**
 * Node's process metrics (CPU, RSS, heap, event loop, GC), collected once per process: they belong
 * to the process, not to a service (in production one process is one service; the test stack's
 * services share one), and each collection installs observers that are never removed.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'membergraph_' });
  }
  return processRegistry;
}

/** Builds the metrics of one service (or `gateway`); its /metrics text ends with the process's metrics. */
export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  const registers = [registry];
  return {
    service,
    registry,
    httpRequests: new Counter({
      name: 'membergraph_http_requests_total',
      help: 'HTTP requests answered, by route, method and status',
      labelNames: ['route', 'method', 'status'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'membergraph_http_request_duration_seconds',
      help: 'Time from the request to the end of its answer, by route',
      labelNames: ['route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    graphqlOperations: new Counter({
      name: 'membergraph_graphql_operations_total',
      help: 'GraphQL operations executed, by type, operation name and outcome',
      labelNames: ['type', 'operation', 'outcome'],
      registers,
    }),
    grpcClientCalls: new Counter({
      name: 'membergraph_grpc_client_calls_total',
      help: 'gRPC calls made to peers, by method and status',
      labelNames: ['method', 'status'],
      registers,
    }),
    grpcServerCalls: new Counter({
      name: 'membergraph_grpc_server_calls_total',
      help: 'gRPC calls served, by method and status',
      labelNames: ['method', 'status'],
      registers,
    }),
    sqlStatements: new Counter({ name: 'membergraph_sql_statements_total', help: 'SQL statements sent to the database', registers }),
    sqlErrors: new Counter({ name: 'membergraph_sql_errors_total', help: 'SQL statements the database refused', registers }),
    ledgerEntries: new Counter({
      name: 'membergraph_ledger_entries_total',
      help: 'Points ledger entries appended, by kind',
      labelNames: ['kind'],
      registers,
    }),
    ledgerReplans: new Counter({
      name: 'membergraph_ledger_replans_total',
      help: 'Points changes planned from an account read before their transaction that ran again under its lock',
      registers,
    }),
    outboxDeliveries: new Counter({
      name: 'membergraph_outbox_deliveries_total',
      help: 'Outbox events delivered or failed',
      labelNames: ['outcome'],
      registers,
    }),
    activityReports: new Counter({
      name: 'membergraph_activity_reports_total',
      help: "Earns by when their activity report goes to the tier engine (before or after the earn's answer) and what decided it: the bound of the 12-month figures on the account, the figures read, or none (no tier copy or ladder: before the answer)",
      labelNames: ['when', 'decided_by'],
      registers,
    }),
    breakerTransitions: new Counter({
      name: 'membergraph_breaker_transitions_total',
      help: 'Circuit breaker state changes, by breaker and new state',
      labelNames: ['breaker', 'to'],
      registers,
    }),
    breakerRejections: new Counter({
      name: 'membergraph_breaker_rejections_total',
      help: 'Calls a circuit breaker refused while open',
      labelNames: ['breaker'],
      registers,
    }),
    text: async () => `${await registry.metrics()}\n${await processMetrics().metrics()}`,
  };
}

/** The `/metrics` route: Prometheus text of the registry. */
export function metricsRoute(metrics: ServiceMetrics) {
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const text = await metrics.text();
    res.writeHead(200, { 'content-type': metrics.registry.contentType, 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
}

/** Counts one executed operation by type, name (bounded) and outcome. */
export type OperationCount = (type: string, name: string | null | undefined, failed: boolean) => void;

/** The executed-operations counter of a service: its Apollo plugin and its known operations (knownOperations.ts) count through one. */
export function operationCounter(metrics: ServiceMetrics): OperationCount {
  const names = new Set<string>();
  const label = (name: string | null | undefined) => {
    if (!name || !OPERATION_NAME.test(name)) return name ? 'other' : 'anonymous';
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return 'other';
    names.add(name);
    return name;
  };
  return (type, name, failed) => metrics.graphqlOperations.inc({ type, operation: label(name), outcome: failed ? 'error' : 'ok' });
}

/** Counts executed operations by type, name (bounded) and outcome. */
export function graphqlMetricsPlugin<Ctx extends BaseContext>(
  metrics: ServiceMetrics,
  count: OperationCount = operationCounter(metrics),
): ApolloServerPlugin<Ctx> {
  // One listener for every request (it keeps no state of its own): nothing allocated per request.
  const listener: GraphQLRequestListener<Ctx> = {
    async willSendResponse({ operation, operationName, errors, response }) {
      const failed = (errors?.length ?? 0) > 0 || (response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0);
      count(operation?.operation ?? 'unknown', operationName, failed);
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}

/**
 * Breaker state as a gauge (`membergraph_breaker_state`, see BREAKER_STATE) and its changes and
 * refusals as counters. The gauge is read at scrape time from the breakers registered so far.
 */
export function observeBreaker(metrics: ServiceMetrics, name: string, breaker: CircuitBreaker): void {
  let gauge = breakerGauges.get(metrics);
  if (!gauge) {
    const breakers = new Map<string, CircuitBreaker>();
    new Gauge({
      name: 'membergraph_breaker_state',
      help: 'Circuit breaker state: 0 closed, 1 half-open, 2 open',
      labelNames: ['breaker'],
      registers: [metrics.registry],
      collect() {
        for (const [label, b] of breakers) this.set({ breaker: label }, b.opened ? BREAKER_STATE.open : b.halfOpen ? 1 : 0);
      },
    });
    gauge = breakers;
    breakerGauges.set(metrics, gauge);
  }
  gauge.set(name, breaker);
  breaker.on('open', () => metrics.breakerTransitions.inc({ breaker: name, to: 'open' }));
  breaker.on('halfOpen', () => metrics.breakerTransitions.inc({ breaker: name, to: 'halfOpen' }));
  breaker.on('close', () => metrics.breakerTransitions.inc({ breaker: name, to: 'close' }));
  breaker.on('reject', () => metrics.breakerRejections.inc({ breaker: name }));
}
const breakerGauges = new WeakMap<ServiceMetrics, Map<string, CircuitBreaker>>();

const byDataSource = new WeakMap<DataSource, ServiceMetrics>();

/**
 * Ties a service's metrics to its DataSource (openDatabase does), so what gets only the DataSource
 * (the outbox, the ledger applier) counts into the right registry, and adds the connection pool's
 * gauges, read at scrape time.
 */
export function attachDatabaseMetrics(dataSource: DataSource, metrics: ServiceMetrics): void {
  byDataSource.set(dataSource, metrics);
  if (metrics.registry.getSingleMetric('membergraph_db_pool_connections')) return;
  new Gauge({
    name: 'membergraph_db_pool_connections',
    help: 'Database connections: open (all), idle (free) and requests waiting for one (queued)',
    labelNames: ['state'],
    registers: [metrics.registry],
    collect() {
      const pool = mysqlPool(dataSource);
      if (pool) {
        this.set({ state: 'open' }, pool._allConnections?.length ?? 0);
        this.set({ state: 'idle' }, pool._freeConnections?.length ?? 0);
        this.set({ state: 'queued' }, pool._connectionQueue?.length ?? 0);
      } else {
        // SQLite: one connection, always open.
        this.set({ state: 'open' }, dataSource.isInitialized ? 1 : 0);
      }
    },
  });
}

/** The metrics a DataSource was opened with (undefined for one opened without, e.g. by a job or a test). */
export function metricsOf(dataSource: DataSource): ServiceMetrics | undefined {
  return byDataSource.get(dataSource);
}

interface Mysql2PoolInternals {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

/** mysql2's pool keeps its counts in fields it does not document; read defensively (a missing field reads as 0). */
function mysqlPool(dataSource: DataSource): Mysql2PoolInternals | undefined {
  if (dataSource.options.type !== 'mysql' || !dataSource.isInitialized) return undefined;
  return (dataSource.driver as unknown as { pool?: Mysql2PoolInternals }).pool;
}

/**
 * The outbox's depth and the age of its oldest pending event, read from the table at scrape time
 * (so they are right across restarts and replicas). Once per registry.
 */
export function observeOutbox(dataSource: DataSource, tables: ReadonlyArray<PendingCarrier>): void {
  const metrics = metricsOf(dataSource);
  if (!metrics || metrics.registry.getSingleMetric('membergraph_outbox_pending_events')) return;
  let last: Promise<{ pending: number; oldest: Date | null }> | undefined;
  // One query serves both gauges of a scrape: the outbox's events and the rows that carry announcements still to be made.
  const counts = tables
    .map(({ table, pending }) => `SELECT COUNT(*) AS pending, MIN(created_at) AS oldest FROM ${table} WHERE ${pending}`)
    .join(' UNION ALL ');
  const read = () =>
    (last ??= dataSource
      .query(`${UNCOUNTED_SQL}${counts}`)
      .then((rows: Array<{ pending: number | string; oldest: Date | string | null }>) => ({
        pending: rows.reduce((sum, row) => sum + Number(row.pending ?? 0), 0),
        oldest: rows.reduce<Date | null>((min, row) => {
          const oldest = row.oldest ? asDate(row.oldest) : null;
          return oldest && (!min || oldest < min) ? oldest : min;
        }, null),
      }))
      .finally(() => setTimeout(() => (last = undefined), 0)));
  const registers = [metrics.registry];
  new Gauge({
    name: 'membergraph_outbox_pending_events',
    help: 'Outbox events not delivered yet',
    registers,
    async collect() {
      if (dataSource.isInitialized) this.set((await read()).pending);
    },
  });
  new Gauge({
    name: 'membergraph_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest undelivered outbox event (0 when none)',
    registers,
    async collect() {
      if (!dataSource.isInitialized) return;
      const { oldest } = await read();
      this.set(oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0);
    },
  });
}

/** SQLite answers a DATETIME aggregate as UTC text without a zone, mysql2 as a Date. */
function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value.includes('Z') ? value : `${value.replace(' ', 'T')}Z`);
}

/**
 * A SQL statement the metrics themselves send (the outbox's depth at scrape time) starts with this
 * comment, and is not counted: scraping must not move the statement counts it reports.
 */
export const UNCOUNTED_SQL = '/* metrics */ ';
