/**
 * The member card through our gateway, through Hive Gateway (each in its own process over the same
 * subgraphs), and straight from the subgraphs (sequential and parallel entity calls: the floor),
 * in alternating rounds (ours, Hive, direct…, ours, Hive, …) so the machine's drift hits all alike.
 * Three workloads: a different member (and token) per request, the same member every time (both at
 * fixed concurrency), and the varied member at a fixed arrival rate both gateways can sustain.
 */
import { readCommonConfig, SERVICE_NAMES } from '../../services/kit/src';
import type { LoadJob } from './load-worker';
import { combine, load, measure, type BenchServers, type Job, type Sample } from './measure';
import type { GatewayProcess, Subgraphs } from './peers';

export interface CompareOptions {
  memberIds: string[];
  memberTokens: string[];
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  rounds: number;
  databasePid?: number;
  /** The varied-member card alone (what the targets table reads): no same-member or fixed-rate rows. */
  variedOnly?: boolean;
}

export interface TargetRow {
  workload: string;
  target: string;
  sample: Sample;
}

interface Target {
  name: string;
  gateway?: GatewayProcess;
  job: Pick<LoadJob, 'url' | 'kind' | 'direct'>;
}

export async function compareGateways(
  stack: Subgraphs & BenchServers,
  gateways: { ours: GatewayProcess; hive: GatewayProcess },
  options: CompareOptions,
): Promise<{ rows: TargetRow[]; ratios: string[] }> {
  const urls = Object.fromEntries(SERVICE_NAMES.map((s) => [s, stack.services[s].httpUrl])) as Record<
    (typeof SERVICE_NAMES)[number],
    string
  >;
  const secret = readCommonConfig('member', stack.env).identitySecret;
  const ours: Target = { name: 'ours (Apollo gateway)', gateway: gateways.ours, job: { url: gateways.ours.url, kind: 'card' } };
  const hive: Target = { name: 'Hive Gateway', gateway: gateways.hive, job: { url: gateways.hive.url, kind: 'card' } };
  const direct = (mode: 'sequential' | 'parallel'): Target => ({
    name: `direct from subgraphs, ${mode}`,
    job: { url: '', kind: 'card-direct', direct: { urls, secret, mode } },
  });
  const sequential = direct('sequential');
  const targets = [ours, hive, sequential, direct('parallel')];
  const varied = { memberIds: options.memberIds, memberTokens: options.memberTokens };
  const same = { memberIds: options.memberIds.slice(0, 1), memberTokens: options.memberTokens.slice(0, 1) };

  const rows: TargetRow[] = [];
  const run = async (workload: string, members: typeof varied, runTargets: Target[], rate?: number) => {
    const job = (target: Target, durationSeconds: number): Job => ({
      ...target.job,
      ...members,
      connections: options.connections,
      durationSeconds,
      ...(rate ? { rate } : {}),
    });
    for (const target of runTargets) await load(job(target, options.warmupSeconds));
    const samples = new Map(runTargets.map((t) => [t, [] as Sample[]]));
    for (let round = 0; round < options.rounds; round += 1) {
      for (const target of runTargets) {
        const sample = await measure(stack, job(target, options.durationSeconds), {
          gateway: target.gateway,
          databasePid: options.databasePid,
        });
        samples.get(target)!.push(sample);
      }
    }
    const combined = new Map(runTargets.map((t) => [t, combine(samples.get(t)!, options.durationSeconds)]));
    rows.push(...runTargets.map((t) => ({ workload, target: t.name, sample: combined.get(t)! })));
    return combined;
  };

  const ratios: string[] = [];
  const gatewayRatios = (workload: string, results: Map<Target, Sample>) => {
    const a = results.get(ours)!;
    const b = results.get(hive)!;
    ratios.push(
      `${workload}: ours ÷ Hive — throughput ${(a.result.rps / b.result.rps).toFixed(2)}×, p99 ${(a.result.p99 / b.result.p99).toFixed(2)}×, ` +
        `gateway CPU per request ${(a.cpuMsPerRequest.gateway! / b.cpuMsPerRequest.gateway!).toFixed(2)}×`,
    );
    const floor = results.get(sequential);
    if (floor) {
      ratios.push(
        `${workload}: gateway p50 ÷ direct sequential p50 — ours ${(a.result.p50 / floor.result.p50).toFixed(2)}×, Hive ${(b.result.p50 / floor.result.p50).toFixed(2)}×`,
      );
    }
  };
  const variedResults = await run('member card, varied member', varied, targets);
  gatewayRatios('member card, varied member', variedResults);
  if (options.variedOnly) return { rows, ratios };
  gatewayRatios('member card, same member', await run('member card, same member', same, targets));
  // A fixed arrival rate both gateways sustained above: latency compared at equal offered load, with
  // the floor at that rate too (below saturation, the gateway's own latency is not hidden by queueing).
  const rate = Math.max(10, Math.floor(0.7 * Math.min(variedResults.get(ours)!.result.rps, variedResults.get(hive)!.result.rps)));
  const fixed = `member card, varied member, fixed ${rate} req/s`;
  gatewayRatios(fixed, await run(fixed, varied, [ours, hive, sequential], rate));
  return { rows, ratios };
}
