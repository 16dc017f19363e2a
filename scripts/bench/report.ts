/** The benchmark's markdown: one table of workloads, one of the member card side by side, and the ratios. */
import type { TargetRow } from './compare';
import type { Sample, WorkloadRow } from './measure';

const cpu = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(2));
const errors = (s: Sample) => s.result.errors + s.result.non2xx;
const rss = (s: Sample) => `${s.peakRssMiB.gateway ?? '–'} · ${s.peakRssMiB.subgraphs} · ${s.peakRssMiB.database ?? '–'}`;

export function tables(report: {
  header: string;
  rows: WorkloadRow[];
  comparison: { rows: TargetRow[]; ratios: string[] };
  rounds: number;
}): string {
  const earn = (prefix: string) => report.rows.find((r) => r.workload.startsWith(prefix))?.sample.result.rps;
  const raw = earn('the same ledger transaction');
  const earnRatios = raw
    ? [
        `earn ÷ raw mysql2 ledger transaction — through our gateway ${(earn('earn (recordOrder), our gateway')! / raw).toFixed(2)}×, ` +
          `points subgraph direct ${(earn('earn (recordOrder), points subgraph direct')! / raw).toFixed(2)}×`,
      ]
    : ['earn ÷ raw mysql2: measured on MySQL only (on SQLite the database runs inside the service process)'];
  return [
    report.header,
    'Servers and load generator share the machine. CPU ms per request by process: our gateway (its own process), the five subgraphs (one process), the database server (MySQL only), the load generator. Peak RSS is each process’s high-water mark so far in the run.',
    '',
    '| workload | req/s | p50 ms | p95 ms | p99 ms | errors | subgraph calls / request | SQL statements / request | gRPC calls / request | CPU ms / request: gateway · subgraphs · database · load | peak RSS MiB: gateway · subgraphs · database |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...report.rows.map(({ workload, sample: s }) => {
      const sql = Object.entries(s.sqlPerRequest)
        .map(([service, n]) => `${service} ${n}`)
        .join(', ');
      const c = s.cpuMsPerRequest;
      return `| ${workload} | ${s.result.rps.toFixed(0)} | ${s.result.p50} | ${s.result.p95} | ${s.result.p99} | ${errors(s)} | ${s.subgraphCallsPerRequest} | ${sql || '–'} | ${s.grpcPerRequest} | ${cpu(c.gateway)} · ${cpu(c.subgraphs)} · ${cpu(c.database)} · ${cpu(c.load)} | ${rss(s)} |`;
    }),
    '',
    `The member card (all five subgraphs), ${report.rounds} alternating round(s) per target; latencies are the median of the rounds:`,
    '',
    '| workload | target | req/s | p50 ms | p95 ms | p99 ms | errors | subgraph calls / request | CPU ms / request: gateway · subgraphs · database · load | peak RSS MiB: gateway · subgraphs · database |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...report.comparison.rows.map(({ workload, target, sample: s }) => {
      const c = s.cpuMsPerRequest;
      return `| ${workload} | ${target} | ${s.result.rps.toFixed(0)} | ${s.result.p50} | ${s.result.p95} | ${s.result.p99} | ${errors(s)} | ${s.subgraphCallsPerRequest} | ${cpu(c.gateway)} · ${cpu(c.subgraphs)} · ${cpu(c.database)} · ${cpu(c.load)} | ${rss(s)} |`;
    }),
    '',
    ...[...report.comparison.ratios, ...earnRatios].map((line) => `- ${line}`),
  ].join('\n');
}
