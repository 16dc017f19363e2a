/**
 * The benchmark's counters, read from each service's `/metrics` (Prometheus text) the way a
 * monitoring system would: SQL statements, subgraph HTTP requests and gRPC calls. Nothing in the
 * services exists for the benchmark alone.
 */
import { SERVICE_NAMES, type ServiceName } from '../../services/kit/src';

export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Parses the Prometheus text exposition format (comments skipped). */
export function parseMetrics(text: string): MetricSample[] {
  const samples: MetricSample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = LINE.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL))
      labels[key] = value.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** The sum of a metric's samples whose labels include `where`. */
export function total(samples: MetricSample[], name: string, where: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(where).every(([key, value]) => s.labels[key] === value))
    .reduce((sum, s) => sum + s.value, 0);
}

/** A server's /metrics URL from its GraphQL URL (same port). */
export const metricsUrl = (graphqlUrl: string) => new URL('/metrics', graphqlUrl).toString();

export async function scrape(graphqlUrl: string): Promise<MetricSample[]> {
  const response = await fetch(metricsUrl(graphqlUrl));
  if (!response.ok) throw new Error(`${metricsUrl(graphqlUrl)} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return parseMetrics(await response.text());
}

/** What the benchmark counts, summed from every service's /metrics at one moment. */
export interface Counters {
  /** SQL statements so far, per service. */
  sql: Record<ServiceName, number>;
  /** GraphQL HTTP requests the subgraphs have answered. */
  subgraphCalls: number;
  /** gRPC calls the services have made to each other. */
  grpcCalls: number;
  /**
   * Of those, the calls no request waits for: what the outboxes deliver in batches after the
   * commit (AFTER_RESPONSE_METHODS: risk's AssessBatch of earns assessed after the fact, benefits'
   * RecordSpendStats, member's RecordQualifyingActivities of the activity reports sent after an
   * earn's answer, points' RecordMemberTiers of tier changes for its copy). The single
   * RecordQualifyingActivity is the report sent before an answer (or a member's retry by the
   * dispatcher): it counts on the request path.
   */
  grpcAfterResponseCalls: number;
}

/** The methods only ever called from an outbox after the commit (see Counters.grpcAfterResponseCalls). */
export const AFTER_RESPONSE_METHODS = [
  '/membergraph.risk.v1.RiskService/AssessBatch',
  '/membergraph.benefits.v1.BenefitsService/RecordSpendStats',
  '/membergraph.member.v1.MemberService/RecordQualifyingActivities',
  '/membergraph.points.v1.PointsService/RecordMemberTiers',
];

function afterResponseCalls(s: MetricSample[]): number {
  const calls = (method: string) => total(s, 'membergraph_grpc_client_calls_total', { method });
  return AFTER_RESPONSE_METHODS.reduce((sum, method) => sum + calls(method), 0);
}

export async function readCounters(urls: Record<ServiceName, string>): Promise<Counters> {
  const scraped = await Promise.all(SERVICE_NAMES.map(async (service) => [service, await scrape(urls[service])] as const));
  return {
    sql: Object.fromEntries(scraped.map(([service, s]) => [service, total(s, 'membergraph_sql_statements_total')])) as Record<
      ServiceName,
      number
    >,
    subgraphCalls: scraped.reduce((sum, [, s]) => sum + total(s, 'membergraph_http_requests_total', { route: '/graphql' }), 0),
    grpcCalls: scraped.reduce((sum, [, s]) => sum + total(s, 'membergraph_grpc_client_calls_total'), 0),
    grpcAfterResponseCalls: scraped.reduce((sum, [, s]) => sum + afterResponseCalls(s), 0),
  };
}

/**
 * Waits until no service behind `graphqlUrls` has an outbox event left to deliver (their
 * `membergraph_outbox_pending_events`), polling once a second; false if some are still pending
 * after `timeoutSeconds`.
 */
export async function outboxDrained(graphqlUrls: string[], timeoutSeconds = 180): Promise<boolean> {
  for (let waited = 0; waited < timeoutSeconds; waited++) {
    const pending = await Promise.all(graphqlUrls.map(async (url) => total(await scrape(url), 'membergraph_outbox_pending_events')));
    if (pending.every((n) => n === 0)) return true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}
