/**
 * One measured run of a load job and what it cost each process: the gateway's own process (when
 * the load goes through one), each of the five services' processes, the local database server, and
 * the load generator; plus subgraph calls, SQL statements per service and gRPC calls per request,
 * read from the services' /metrics.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { SERVICE_NAMES, type ServiceName } from '../../services/kit/src';
import type { LoadJob, LoadResult } from './load-worker';
import { readCounters } from './metrics';
import { processCpuMs, processPeakRssMiB } from './processes';

/** The processes a measurement bills: the five services, each in its own process. */
export interface BenchServers {
  services: Record<ServiceName, { httpUrl: string; pid: number }>;
}

/** A process measured from /proc: a gateway. */
export interface MeasuredProcess {
  cpuMs(): number;
  peakRssMiB(): number;
}

export interface Sample {
  result: LoadResult;
  /** CPU milliseconds per request, per process; `subgraphs` is the five services' sum. */
  cpuMsPerRequest: { gateway?: number; services: Record<ServiceName, number>; subgraphs: number; database?: number; load: number };
  subgraphCallsPerRequest: number;
  sqlPerRequest: Record<string, number>;
  grpcPerRequest: number;
  /** Of grpcPerRequest, the calls made after the response, off the request path (AFTER_RESPONSE_METHODS in metrics.ts: the outboxes' batches). */
  grpcAfterResponsePerRequest: number;
  /** Peak resident memory of each process so far (its high-water mark), in MiB. */
  peakRssMiB: { gateway?: number; services: Record<ServiceName, number>; database?: number };
}

/** One workload's line in the report. */
export interface WorkloadRow {
  workload: string;
  sample: Sample;
}

let loads = 0;

/** A load job as callers describe it: the run id is load()'s to give. */
export type Job = Omit<LoadJob, 'runId'>;

/**
 * Runs one load job in its own process (so generating load is not billed to the servers). Each run
 * gets its own runId: a warm-up and the run after it must never send the same order numbers, or the
 * run would measure replays.
 */
export function load(job: Job): Promise<LoadResult> {
  const child = fork(join(__dirname, '..', 'run-ts.js'), [join(__dirname, 'load-worker.ts')], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { ok: boolean; result?: LoadResult; error?: string }) => {
      child.kill();
      if (message.ok) resolve(message.result!);
      else reject(new Error(message.error));
    });
    child.once('exit', (code) => (code ? reject(new Error(`load worker exited with ${code}`)) : undefined));
    loads += 1;
    child.send({ ...job, runId: `${process.pid}-${loads}` } satisfies LoadJob);
  });
}

/**
 * Waits until the subgraphs have had no request for a moment: a gateway still working off the
 * previous run's queue must not bill its calls to the next run.
 */
async function settle(servers: BenchServers): Promise<void> {
  const calls = async () => (await readCounters(urls(servers))).subgraphCalls;
  for (let last = -1, now = await calls(); now !== last; last = now, now = await calls()) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const urls = (servers: BenchServers) =>
  Object.fromEntries(SERVICE_NAMES.map((s) => [s, servers.services[s].httpUrl])) as Record<ServiceName, string>;
const perService = <T>(value: (service: ServiceName) => T) =>
  Object.fromEntries(SERVICE_NAMES.map((s) => [s, value(s)])) as Record<ServiceName, T>;

const perRequest = (value: number, requests: number) => Math.round((value / Math.max(1, requests)) * 100) / 100;

export async function measure(
  servers: BenchServers,
  job: Job,
  options: { gateway?: MeasuredProcess; databasePid?: number } = {},
): Promise<Sample> {
  await settle(servers);
  const before = await readCounters(urls(servers));
  const cpuBefore = perService((s) => processCpuMs(servers.services[s].pid));
  const gatewayBefore = options.gateway?.cpuMs();
  const databaseBefore = options.databasePid ? processCpuMs(options.databasePid) : undefined;

  const result = await load(job);

  const cpuAfter = perService((s) => processCpuMs(servers.services[s].pid));
  const after = await readCounters(urls(servers));
  const requests = result.requests;
  const sqlPerRequest = Object.fromEntries(
    SERVICE_NAMES.map((name) => [name, perRequest(after.sql[name] - before.sql[name], requests)] as const).filter(([, n]) => n > 0),
  );
  const services = perService((s) => perRequest(cpuAfter[s] - cpuBefore[s], requests));
  return {
    result,
    cpuMsPerRequest: {
      ...(options.gateway ? { gateway: perRequest(options.gateway.cpuMs() - gatewayBefore!, requests) } : {}),
      services,
      subgraphs: perRequest(
        SERVICE_NAMES.reduce((sum, s) => sum + cpuAfter[s] - cpuBefore[s], 0),
        requests,
      ),
      ...(options.databasePid ? { database: perRequest(processCpuMs(options.databasePid) - databaseBefore!, requests) } : {}),
      load: perRequest(result.loadCpuMs, requests),
    },
    subgraphCallsPerRequest: perRequest(after.subgraphCalls - before.subgraphCalls, requests),
    sqlPerRequest,
    grpcPerRequest: perRequest(after.grpcCalls - before.grpcCalls, requests),
    grpcAfterResponsePerRequest: perRequest(after.grpcAfterResponseCalls - before.grpcAfterResponseCalls, requests),
    peakRssMiB: {
      ...(options.gateway ? { gateway: Math.round(options.gateway.peakRssMiB()) } : {}),
      services: perService((s) => Math.round(processPeakRssMiB(servers.services[s].pid))),
      ...(options.databasePid ? { database: Math.round(processPeakRssMiB(options.databasePid)) } : {}),
    },
  };
}

/** Several rounds of one target as one row: requests and CPU summed, latencies the median of the rounds. */
export function combine(samples: Sample[], durationSeconds: number): Sample {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const requests = samples.reduce((sum, s) => sum + s.result.requests, 0);
  const weighted = (pick: (s: Sample) => number | undefined) =>
    samples.some((s) => pick(s) === undefined)
      ? undefined
      : perRequest(
          samples.reduce((sum, s) => sum + pick(s)! * s.result.requests, 0),
          requests,
        );
  const first = samples[0];
  return {
    result: {
      requests,
      rps: requests / (samples.length * durationSeconds),
      p50: median(samples.map((s) => s.result.p50)),
      p95: median(samples.map((s) => s.result.p95)),
      p99: median(samples.map((s) => s.result.p99)),
      errors: samples.reduce((sum, s) => sum + s.result.errors, 0),
      non2xx: samples.reduce((sum, s) => sum + s.result.non2xx, 0),
      loadCpuMs: samples.reduce((sum, s) => sum + s.result.loadCpuMs, 0),
    },
    cpuMsPerRequest: {
      ...(first.cpuMsPerRequest.gateway !== undefined ? { gateway: weighted((s) => s.cpuMsPerRequest.gateway) } : {}),
      services: perService((service) => weighted((s) => s.cpuMsPerRequest.services[service])!),
      subgraphs: weighted((s) => s.cpuMsPerRequest.subgraphs)!,
      ...(first.cpuMsPerRequest.database !== undefined ? { database: weighted((s) => s.cpuMsPerRequest.database) } : {}),
      load: weighted((s) => s.cpuMsPerRequest.load)!,
    },
    subgraphCallsPerRequest: weighted((s) => s.subgraphCallsPerRequest)!,
    sqlPerRequest: Object.fromEntries(
      [...new Set(samples.flatMap((s) => Object.keys(s.sqlPerRequest)))].map((service) => [
        service,
        weighted((s) => s.sqlPerRequest[service] ?? 0)!,
      ]),
    ),
    grpcPerRequest: weighted((s) => s.grpcPerRequest)!,
    grpcAfterResponsePerRequest: weighted((s) => s.grpcAfterResponsePerRequest)!,
    peakRssMiB: samples[samples.length - 1].peakRssMiB,
  };
}
