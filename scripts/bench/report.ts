/**
 * The benchmark's markdown: one table of workloads, one of the member card side by side, the
 * ratios, and issue 19's targets with this run's figures. Every table bills each process apart:
 * the gateway, each of the five services, the database server and the load generator.
 */
import { SERVICE_NAMES } from '../../services/kit/src';
import type { TargetRow } from './compare';
import type { Sample, WorkloadRow } from './measure';

const cpu = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(2));
const errors = (s: Sample) => s.result.errors + s.result.non2xx;
const rss = (s: Sample) =>
  [s.peakRssMiB.gateway ?? '–', ...SERVICE_NAMES.map((name) => s.peakRssMiB.services[name]), s.peakRssMiB.database ?? '–'].join(' · ');
const cpus = (s: Sample) => {
  const c = s.cpuMsPerRequest;
  return [cpu(c.gateway), ...SERVICE_NAMES.map((name) => cpu(c.services[name])), cpu(c.subgraphs), cpu(c.database), cpu(c.load)].join(
    ' · ',
  );
};
const sql = (s: Sample) =>
  Object.entries(s.sqlPerRequest)
    .map(([service, n]) => `${service} ${n}`)
    .join(', ') || '–';
/** gRPC calls per request, those after the response (the outboxes' batches: AFTER_RESPONSE_METHODS in metrics.ts) apart. */
const grpc = (s: Sample) =>
  s.grpcAfterResponsePerRequest > 0
    ? `${Math.round((s.grpcPerRequest - s.grpcAfterResponsePerRequest) * 100) / 100} on the request path + ${s.grpcAfterResponsePerRequest} after the response`
    : String(s.grpcPerRequest);
const sqlTotal = (s: Sample) => Math.round(Object.values(s.sqlPerRequest).reduce((sum, n) => sum + n, 0) * 100) / 100;

const CPU_HEADER = `CPU ms / request: gateway · ${SERVICE_NAMES.join(' · ')} · Σ subgraphs · database · load`;
const RSS_HEADER = `peak RSS MiB: gateway · ${SERVICE_NAMES.join(' · ')} · database`;

export function tables(report: {
  header: string;
  rows: WorkloadRow[];
  comparison: { rows: TargetRow[]; ratios: string[] };
  rounds: number;
}): string {
  const find = (prefix: string) => report.rows.find((r) => r.workload.startsWith(prefix))?.sample;
  const earn = find('earn (recordOrder), our gateway');
  const raw = find('the same ledger transaction')?.result.rps;
  const earnRatios = raw
    ? [
        `earn ÷ raw mysql2 ledger transaction — through our gateway ${(earn!.result.rps / raw).toFixed(2)}×, ` +
          `points subgraph direct ${(find('earn (recordOrder), points subgraph direct')!.result.rps / raw).toFixed(2)}×`,
      ]
    : ['earn ÷ raw mysql2: measured on MySQL only (on SQLite the database runs inside the service process)'];
  // Risk's share of a request that asks it: the Assess row's p50 against the burn's and the earn's.
  const assess = find('risk Assess (gRPC)');
  const burn = find('burn (points Debit');
  const earnDirect = find('earn (recordOrder), points subgraph direct');
  const riskShare = (of: Sample | undefined, name: string, note: string) =>
    assess && of
      ? `${name}: p50 ${of.result.p50} ms, of which risk Assess p50 ${assess.result.p50} ms (${((100 * assess.result.p50) / Math.max(0.1, of.result.p50)).toFixed(0)} %) — ${note}`
      : `${name}: –`;
  // Campaign's share of an earn that asks it: the coefficient look-up, when points' calendar cannot answer it.
  const coefficient = find('campaign GetActivityCoefficient (gRPC)');
  const campaignShare =
    coefficient && earnDirect
      ? `GetActivityCoefficient’s share of one earn (recordOrder, points subgraph direct): p50 ${earnDirect.result.p50} ms, of which campaign GetActivityCoefficient p50 ${coefficient.result.p50} ms (${((100 * coefficient.result.p50) / Math.max(0.1, earnDirect.result.p50)).toFixed(0)} %) — only when campaign must answer (a budgeted, segment or consent campaign applies to the order); the seeded campaigns need none, so points computes the coefficient from the calendar it holds (${Math.round((earnDirect.grpcPerRequest - earnDirect.grpcAfterResponsePerRequest) * 100) / 100} gRPC calls per earn on the request path in all); ${coefficient.sqlPerRequest.campaign ?? 0} SQL statements in campaign per look-up`
      : 'GetActivityCoefficient’s share of one earn: –';
  const riskShares = [
    riskShare(burn, 'Assess’s share of one burn (points Debit over gRPC)', 'synchronous, fails closed: 1 gRPC call to risk per burn'),
    riskShare(
      earnDirect,
      'Assess’s share of one earn (recordOrder, points subgraph direct)',
      'only under EARN_RISK_CHECK=before-commit, where recordOrder awaits Assess before writing; by default (after-commit) the earn does not wait: its assessment goes to risk after the commit, in batches from the outbox (AssessBatch)',
    ),
  ];
  const card = (target: string) =>
    report.comparison.rows.find((r) => r.workload === 'member card, varied member' && r.target.startsWith(target))?.sample;
  const ours = card('ours');
  const hive = card('Hive');
  const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? `${(a / b).toFixed(2)}×` : '–');
  const targets: Array<[string, string, string]> = [
    ['earn through our gateway ÷ raw mysql2 ledger transaction', '≥ 0.30×', raw ? ratio(earn?.result.rps, raw) : 'MySQL only'],
    ['SQL statements per earn (all services)', '≤ 8', earn ? `${sqlTotal(earn)} (${sql(earn)})` : '–'],
    ['gRPC calls per earn', '≤ 1 on the request path', earn ? grpc(earn) : '–'],
    ['member card, varied member: throughput ÷ Hive Gateway', '≥ 2.5×', ratio(ours?.result.rps, hive?.result.rps)],
    ['member card, varied member: p99 ÷ Hive', '≤ 0.40×', ratio(ours?.result.p99, hive?.result.p99)],
    [
      'member card, varied member: gateway CPU per request ÷ Hive',
      '≤ 0.20×',
      ratio(ours?.cpuMsPerRequest.gateway, hive?.cpuMsPerRequest.gateway),
    ],
    ['subgraph CPU per member card (all services)', '≤ 2.0 ms', ours ? `${cpu(ours.cpuMsPerRequest.subgraphs)} ms` : '–'],
  ];
  return [
    report.header,
    'Servers and load generator share the machine; each server runs in its own process. CPU ms per request by process: our gateway, each service, their sum, the database server (MySQL only), the load generator. Peak RSS is each process’s high-water mark so far in the run. SQL statements, subgraph calls and gRPC calls are read from the services’ /metrics.',
    '',
    `| workload | req/s | p50 ms | p95 ms | p99 ms | errors | subgraph calls / request | SQL statements / request | gRPC calls / request | ${CPU_HEADER} | ${RSS_HEADER} |`,
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...report.rows.map(
      ({ workload, sample: s }) =>
        `| ${workload} | ${s.result.rps.toFixed(0)} | ${s.result.p50} | ${s.result.p95} | ${s.result.p99} | ${errors(s)} | ${s.subgraphCallsPerRequest} | ${sql(s)} | ${grpc(s)} | ${cpus(s)} | ${rss(s)} |`,
    ),
    '',
    `The member card (all five subgraphs), ${report.rounds} alternating round(s) per target; latencies are the median of the rounds:`,
    '',
    `| workload | target | req/s | p50 ms | p95 ms | p99 ms | errors | subgraph calls / request | SQL statements / request | ${CPU_HEADER} | ${RSS_HEADER} |`,
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...report.comparison.rows.map(
      ({ workload, target, sample: s }) =>
        `| ${workload} | ${target} | ${s.result.rps.toFixed(0)} | ${s.result.p50} | ${s.result.p95} | ${s.result.p99} | ${errors(s)} | ${s.subgraphCallsPerRequest} | ${sql(s)} | ${cpus(s)} | ${rss(s)} |`,
    ),
    '',
    ...[...report.comparison.ratios, ...earnRatios, ...riskShares, campaignShare].map((line) => `- ${line}`),
    '',
    'Issue 19’s targets, this run (the chaos figure is `npm run chaos`’s):',
    '',
    '| figure | target | this run |',
    '|---|---|---|',
    ...targets.map(([figure, target, value]) => `| ${figure} | ${target} | ${value} |`),
  ].join('\n');
}
