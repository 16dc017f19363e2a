/**
 * The growth analytics' batch job, measured once after seeding: segment recomputation — RFM scoring
 * of every member, K-means with k chosen by silhouette, and rule-segment membership — from
 * statistics streamed from points and member. Wall-clock seconds, the campaign process's peak RSS
 * during the run (its high-water mark is reset first where Linux allows), gRPC calls and SQL
 * statements per service, read from every service's /metrics.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SERVICE_NAMES, type ServiceName } from '../../services/kit/src';
import type { BenchCluster } from './cluster';
import { readCounters } from './metrics';
import { processPeakRssMiB } from './processes';

const rssMiB = (pid: number) => Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

export interface JobRow {
  job: string;
  members: number;
  seconds: number;
  /** Peak RSS of the campaign process during the job (or so far in the run, when it could not be reset). */
  peakRssMiB: number;
  /** Its RSS when the job started: the job's own share is the difference. */
  startRssMiB: number;
  peakRssReset: boolean;
  grpcCalls: number;
  sql: Record<string, number>;
  detail: string;
}

/** Linux resets VmHWM to the current RSS on "5" to /proc/<pid>/clear_refs (since 4.0). */
function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export async function measureSegmentJobs(stack: BenchCluster): Promise<JobRow[]> {
  // A targeting rule of DOMAIN §5, so membership is part of the work.
  const defined = await stack.query('mutation ($input: DefineSegmentInput!) { defineSegment(input: $input) { id } }', {
    input: {
      key: 'BENCH_BRING_A_FRIEND',
      name: '≥ 3 purchases and AOV ≥ 500',
      rules: JSON.stringify({
        all: [
          { field: 'purchases', op: 'gte', value: 3 },
          { field: 'averageSpend', op: 'gte', value: '500.00' },
        ],
      }),
    },
  });
  if (defined.errors) throw new Error(`defineSegment failed: ${JSON.stringify(defined.errors)}`);
  const campaignPid = stack.services.campaign.pid;
  const reset = resetPeakRss(campaignPid);
  const startRssMiB = Math.round(rssMiB(campaignPid));
  const urls = Object.fromEntries(SERVICE_NAMES.map((s) => [s, stack.services[s].httpUrl])) as Record<ServiceName, string>;
  const before = await readCounters(urls);
  const started = performance.now();
  const run = await stack.query(
    'mutation { recomputeSegments { members segments { key memberCount } clustering { k silhouette wcss clusters { name size } } } }',
  );
  const seconds = (performance.now() - started) / 1000;
  const after = await readCounters(urls);
  if (run.errors) throw new Error(`recomputeSegments failed: ${JSON.stringify(run.errors)}`);
  const { members, segments, clustering } = run.data.recomputeSegments;
  const sql = Object.fromEntries(SERVICE_NAMES.map((name) => [name, after.sql[name] - before.sql[name]] as const).filter(([, n]) => n > 0));
  return [
    {
      job: 'segment recomputation: RFM scoring, K-means (k by silhouette), rule segments',
      members,
      seconds,
      peakRssMiB: Math.round(processPeakRssMiB(campaignPid)),
      peakRssReset: reset,
      startRssMiB,
      grpcCalls: after.grpcCalls - before.grpcCalls,
      sql,
      detail: `k ${clustering?.k ?? '–'}, silhouette ${clustering ? clustering.silhouette.toFixed(3) : '–'}, clusters ${
        clustering ? clustering.clusters.map((c: { name: string; size: number }) => `${c.name} ${c.size}`).join(' / ') : '–'
      }; ${segments.map((s: { key: string; memberCount: number }) => `${s.key} ${s.memberCount}`).join(', ')}`,
    },
  ];
}

/** The jobs' markdown table. */
export function jobTable(rows: JobRow[]): string {
  return [
    'Batch jobs (run once after seeding, as the staff mutation; the campaign process’s peak RSS during the job):',
    '',
    '| job | members | seconds | peak RSS MiB (at start) | gRPC calls | SQL statements | result |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.job} | ${r.members} | ${r.seconds.toFixed(2)} | ${r.peakRssMiB}${r.peakRssReset ? '' : ' (run so far)'} (${r.startRssMiB}) | ${r.grpcCalls} | ${
          Object.entries(r.sql)
            .map(([service, n]) => `${service} ${n}`)
            .join(', ') || '–'
        } | ${r.detail} |`,
    ),
  ].join('\n');
}
