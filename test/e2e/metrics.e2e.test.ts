/**
 * Every service and the gateway serve Prometheus metrics at /metrics on their HTTP port, and the
 * counters move with real traffic: an earn through the gateway shows up as a GraphQL operation at
 * the gateway, SQL statements and a ledger EARN entry in points, its gRPC calls on both ends, and
 * the delivery of its outbox event.
 */
import { SERVICE_NAMES } from '../../services/kit/src';
import { metricsUrl, parseMetrics, total, type MetricSample } from '../../scripts/bench/metrics';
import { RECORD_ORDER, REGISTER, uniquePhone } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function scrape(graphqlUrl: string): Promise<{ status: number; contentType: string; samples: MetricSample[] }> {
  const response = await fetch(metricsUrl(graphqlUrl));
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', samples: parseMetrics(await response.text()) };
}

const scrapeAll = async (): Promise<Record<string, MetricSample[]>> =>
  Object.fromEntries(await Promise.all(Object.entries(servers()).map(async ([name, url]) => [name, (await scrape(url)).samples] as const)));

const servers = () => ({ gateway: stack.gatewayUrl, ...Object.fromEntries(SERVICE_NAMES.map((s) => [s, stack.services[s].httpUrl])) });

describe('/metrics', () => {
  it('is served by the gateway and every service, each series labelled with its own service', async () => {
    for (const [name, url] of Object.entries(servers())) {
      const { status, contentType, samples } = await scrape(url);
      expect({ name, status }).toEqual({ name, status: 200 });
      expect(contentType).toContain('text/plain');
      const names = new Set(samples.map((s) => s.name));
      for (const metric of ['membergraph_process_cpu_seconds_total', 'membergraph_process_resident_memory_bytes']) {
        expect({ name, metric, served: names.has(metric) }).toEqual({ name, metric, served: true });
      }
      // The scrape above was itself an HTTP request, counted by route.
      const again = (await scrape(url)).samples;
      expect(total(again, 'membergraph_http_requests_total', { route: '/metrics', method: 'GET', status: '200' })).toBeGreaterThanOrEqual(
        1,
      );
      // Node's process metrics are the process's; everything else carries the service it counts for.
      const own = samples.filter((s) => !/^membergraph_(process|nodejs)_/.test(s.name));
      expect(new Set(own.map((s) => s.labels.service))).toEqual(new Set([name]));
    }
  });

  it('moves with an earn: HTTP and GraphQL operations, SQL, gRPC on both ends, the ledger and the outbox', async () => {
    const memberId = (await stack.query(REGISTER, { phone: uniquePhone(), channel: 'WEB' })).data.registerMember.id as string;
    const before = await scrapeAll();

    const earned = await stack.query(RECORD_ORDER, { memberId, orderNo: `METRICS-${Date.now()}`, amount: '88.00', channel: 'POS' });
    expect(earned.errors).toBeUndefined();

    const after = await scrapeAll();
    const moved = (server: string, name: string, where: Record<string, string> = {}) =>
      total(after[server], name, where) - total(before[server], name, where);

    expect(moved('gateway', 'membergraph_http_requests_total', { route: '/graphql', method: 'POST', status: '200' })).toBe(1);
    expect(moved('gateway', 'membergraph_graphql_operations_total', { type: 'mutation', operation: 'Order', outcome: 'ok' })).toBe(1);
    expect(moved('points', 'membergraph_graphql_operations_total', { type: 'mutation', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(moved('points', 'membergraph_http_requests_total', { route: '/graphql' })).toBeGreaterThanOrEqual(1);
    expect(moved('points', 'membergraph_sql_statements_total')).toBeGreaterThan(0);
    expect(moved('points', 'membergraph_ledger_entries_total', { kind: 'EARN' })).toBe(1);
    // Points asks member for the tier; member counts the same call as served.
    const tierLookups = { method: '/membergraph.member.v1.MemberService/GetMemberTiers', status: 'OK' };
    expect(moved('points', 'membergraph_grpc_client_calls_total', tierLookups)).toBeGreaterThanOrEqual(1);
    expect(moved('member', 'membergraph_grpc_server_calls_total', tierLookups)).toBe(
      moved('points', 'membergraph_grpc_client_calls_total', tierLookups),
    );
    // The outbox gauges are read from the tables: the earn's order carries its activity, spend and
    // risk assessment (EARN_RISK_CHECK=after-commit), announced right after the response, in the
    // background (announceOrders.ts), and counted among the outbox's deliveries.
    let settled = after.points;
    for (let i = 0; i < 500 && total(settled, 'membergraph_outbox_pending_events') > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      settled = (await scrape(stack.services.points.httpUrl)).samples;
    }
    expect(total(settled, 'membergraph_outbox_pending_events')).toBe(0);
    const delivered = { outcome: 'delivered' };
    expect(
      total(settled, 'membergraph_outbox_deliveries_total', delivered) -
        total(before.points, 'membergraph_outbox_deliveries_total', delivered),
    ).toBeGreaterThanOrEqual(1);
    expect(after.points.some((s) => s.name === 'membergraph_outbox_oldest_pending_age_seconds')).toBe(true);
    expect(after.points.some((s) => s.name === 'membergraph_db_pool_connections' && s.labels.state === 'open')).toBe(true);
    // The gateway's breakers are all closed.
    const breakers = after.gateway.filter((s) => s.name === 'membergraph_breaker_state');
    expect(breakers.map((s) => s.labels.breaker).sort()).toEqual([...SERVICE_NAMES].sort());
    expect(breakers.every((s) => s.value === 0)).toBe(true);
  });

  it('does not count its own scrape among SQL statements', async () => {
    const first = total((await scrape(stack.services.points.httpUrl)).samples, 'membergraph_sql_statements_total');
    const second = total((await scrape(stack.services.points.httpUrl)).samples, 'membergraph_sql_statements_total');
    expect(second).toBe(first);
  });
});
