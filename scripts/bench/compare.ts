/**
 * Our gateway against Hive Gateway on the member card, each in its own process over the same
 * subgraphs, in alternating rounds (ours, Hive, ours, Hive, …) so the machine's drift hits both
 * alike; once with a different member (and token) per request, once with the same member each time.
 */
import type { Stack } from '../../test/harness/startStack';
import type { LoadJob, LoadResult } from './load-worker';
import { startHiveGateway, startOurGateway, type GatewayProcess } from './peers';

export interface GatewayRow {
  workload: string;
  gateway: string;
  rounds: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  gatewayCpuMsPerRequest: number;
  peakRssMiB: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function compareGateways(
  stack: Stack,
  load: (job: LoadJob) => Promise<LoadResult>,
  options: {
    memberIds: string[];
    memberTokens: string[];
    connections: number;
    durationSeconds: number;
    warmupSeconds: number;
    rounds: number;
  },
): Promise<{ rows: GatewayRow[]; ratios: string[] }> {
  const gateways: GatewayProcess[] = [await startOurGateway(stack), await startHiveGateway(stack)];
  const rows: GatewayRow[] = [];
  const ratios: string[] = [];
  try {
    const variants = [
      { workload: 'member card, varied member', memberIds: options.memberIds, memberTokens: options.memberTokens },
      { workload: 'member card, same member', memberIds: options.memberIds.slice(0, 1), memberTokens: options.memberTokens.slice(0, 1) },
    ];
    for (const variant of variants) {
      const job = (gateway: GatewayProcess, durationSeconds: number): LoadJob => ({
        url: gateway.url,
        kind: 'card',
        memberIds: variant.memberIds,
        memberTokens: variant.memberTokens,
        connections: options.connections,
        durationSeconds,
        runId: `${gateway.name}-${Date.now()}`,
      });
      for (const gateway of gateways) await load(job(gateway, options.warmupSeconds));
      const results = new Map(gateways.map((g) => [g.name, [] as Array<{ result: LoadResult; cpuMs: number; rss: number }>]));
      for (let round = 0; round < options.rounds; round += 1) {
        for (const gateway of gateways) {
          const cpuBefore = gateway.cpuMs();
          const result = await load(job(gateway, options.durationSeconds));
          results.get(gateway.name)!.push({ result, cpuMs: gateway.cpuMs() - cpuBefore, rss: gateway.rssMiB() });
        }
      }
      const summary = gateways.map((gateway) => {
        const runs = results.get(gateway.name)!;
        const requests = runs.reduce((sum, r) => sum + r.result.requests, 0);
        return {
          workload: variant.workload,
          gateway: gateway.name === 'ours' ? 'ours (Apollo gateway)' : 'Hive Gateway',
          rounds: runs.length,
          rps: requests / (runs.length * options.durationSeconds),
          p50: median(runs.map((r) => r.result.p50)),
          p99: median(runs.map((r) => r.result.p99)),
          errors: runs.reduce((sum, r) => sum + r.result.errors + r.result.non2xx, 0),
          gatewayCpuMsPerRequest: runs.reduce((sum, r) => sum + r.cpuMs, 0) / Math.max(1, requests),
          peakRssMiB: Math.max(...runs.map((r) => r.rss)),
        };
      });
      rows.push(...summary);
      const [ours, hive] = summary;
      ratios.push(
        `${variant.workload}: ours ÷ Hive — throughput ${(ours.rps / hive.rps).toFixed(2)}×, p99 ${(ours.p99 / hive.p99).toFixed(2)}×, gateway CPU per request ${(ours.gatewayCpuMsPerRequest / hive.gatewayCpuMsPerRequest).toFixed(2)}×`,
      );
    }
  } finally {
    for (const gateway of gateways) await gateway.stop();
  }
  return { rows, ratios };
}
