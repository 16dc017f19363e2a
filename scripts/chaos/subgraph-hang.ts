/**
 * Scenario 3, a subgraph that hangs under load: the member card at a fixed rate through the
 * gateway, the benefits process stopped (SIGSTOP) part-way — its port still accepts connections and
 * requests, nothing answers, so every call ends in the gateway's subgraph timeout — and continued
 * (SIGCONT) later. The breaker must still cut it off — by its failure rate: timeouts (each
 * SUBGRAPH_TIMEOUT_MS long) do not count toward the connection failures in a row that open it at once
 * after a crash — and benefits must come back after it continues.
 */
import { describeTransitions, watchBreakers, type BreakerEvent } from './breakers';
import type { CardRecord } from './card';
import { epochMs } from './clock';
import type { Cluster } from './cluster';
import { startLoad } from './load';
import { expectationTable, markdownTable, ms, percentile, seconds, type Expectation } from './report';

export interface SubgraphHangOptions {
  ratePerSecond: number;
  durationMs: number;
  hangAfterMs: number;
  resumeAfterMs: number;
}

export interface SubgraphHangResult {
  timeline: { startAt: number; hungAt: number; resumedAt: number };
  figures: Record<string, number | undefined>;
  breakerEvents: BreakerEvent[];
  expectations: Expectation[];
  markdown: string;
}

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - epochMs())));
const latency = (r: CardRecord) => r.doneAt - r.sentAt;

export async function subgraphHungUnderLoad(
  cluster: Cluster,
  memberIds: string[],
  options: SubgraphHangOptions,
): Promise<SubgraphHangResult> {
  const benefits = cluster.services.benefits;
  const breakers = watchBreakers(cluster.gateway);
  let hungAt: number;
  let resumedAt: number;
  try {
    const load = await startLoad({
      gatewayUrl: cluster.gatewayUrl,
      token: cluster.adminToken,
      memberIds,
      ratePerSecond: options.ratePerSecond,
      durationMs: options.durationMs,
      requestTimeoutMs: cluster.subgraphTimeoutMs * 3,
    });
    await sleepUntil(load.startAt + options.hangAfterMs);
    hungAt = epochMs();
    benefits.pause();
    await sleepUntil(load.startAt + options.resumeAfterMs);
    resumedAt = epochMs();
    benefits.resume();
    const records = await load.records;
    return analyse(records, { startAt: load.startAt, hungAt, resumedAt }, breakers.events, cluster);
  } finally {
    // Never leave a stopped process behind, whatever happened.
    benefits.resume();
    breakers.stop();
  }
}

function analyse(records: CardRecord[], t: SubgraphHangResult['timeline'], events: BreakerEvent[], cluster: Cluster): SubgraphHangResult {
  const opened = events.filter((e) => e.state === 'open' && e.at >= t.hungAt && e.at < t.resumedAt);
  const firstOpen = opened[0]?.at;
  const whileOpen = firstOpen === undefined ? [] : records.filter((r) => r.sentAt >= firstOpen + 100 && r.doneAt < t.resumedAt);
  const hung = records.filter((r) => r.sentAt >= t.hungAt && r.doneAt < t.resumedAt);
  const firstSuccess = records.filter((r) => r.sentAt >= t.resumedAt && r.benefits).sort((a, b) => a.doneAt - b.doneAt)[0];
  const figures = {
    hangToBreakerOpenMs: firstOpen === undefined ? undefined : firstOpen - t.hungAt,
    subgraphTimeoutMs: cluster.subgraphTimeoutMs,
    breakerOpenP50Ms: percentile(whileOpen.map(latency), 50),
    breakerOpenP99Ms: percentile(whileOpen.map(latency), 99),
    resumeToFirstSuccessMs: firstSuccess ? firstSuccess.doneAt - t.resumedAt : undefined,
  };
  // Cut off once its timeouts outweigh the successes still in the breaker's 10 s window: about half
  // of it after the first timeouts arrive; the whole window is the bound.
  const openLimitMs = cluster.subgraphTimeoutMs + 10_000;
  // As in scenario 1: on a machine busy enough to slow even the healthy answers, "fast" is against those.
  const beforeP99 = percentile(records.filter((r) => r.doneAt < t.hungAt).map(latency), 99);
  const fastLimitMs = Math.max(cluster.subgraphTimeoutMs / 5, 1.5 * beforeP99);
  const recoveryLimitMs = cluster.breakerResetMs + 2000;
  const count = (subset: CardRecord[], ok: (r: CardRecord) => boolean) => `${subset.filter(ok).length} of ${subset.length}`;
  const expectations: Expectation[] = [
    {
      name: 'hung subgraph: no HTTP 5xx, every request answered, member data in every response',
      pass: records.every((r) => r.status > 0 && r.status < 500 && r.member),
      detail: `${count(records, (r) => r.status > 0 && r.status < 500 && r.member)}`,
    },
    {
      name: 'hung subgraph: while benefits hangs, benefits null with a masked UNAVAILABLE error',
      pass: hung.length > 0 && hung.every((r) => r.maskedUnavailable),
      detail: `${count(hung, (r) => r.maskedUnavailable)}`,
    },
    {
      timing: true,
      name: `hung subgraph: the breaker for benefits opened within ${seconds(openLimitMs)} (SUBGRAPH_TIMEOUT_MS + the breaker's 10 s window), and no other`,
      pass: firstOpen !== undefined && figures.hangToBreakerOpenMs! <= openLimitMs && opened.every((e) => e.subgraph === 'benefits'),
      detail: firstOpen === undefined ? 'never opened' : `after ${seconds(figures.hangToBreakerOpenMs)}`,
    },
    {
      timing: true,
      name: `hung subgraph: answered fast once the breaker is open, p99 < ${ms(fastLimitMs)} (SUBGRAPH_TIMEOUT_MS / 5, or 1.5 × p99 before the hang if larger)`,
      pass: whileOpen.length > 0 && figures.breakerOpenP99Ms < fastLimitMs,
      detail: `p50 ${ms(figures.breakerOpenP50Ms)}, p99 ${ms(figures.breakerOpenP99Ms)} over ${whileOpen.length} requests`,
    },
    {
      timing: true,
      name: `hung subgraph: benefits back within ${seconds(recoveryLimitMs)} of it continuing (breaker reset + 2 s)`,
      pass: figures.resumeToFirstSuccessMs !== undefined && figures.resumeToFirstSuccessMs <= recoveryLimitMs,
      detail: `first success ${seconds(figures.resumeToFirstSuccessMs)} after SIGCONT`,
    },
  ];
  const markdown = [
    markdownTable(
      ['figure', 'value'],
      [
        ['hang → breaker open', seconds(figures.hangToBreakerOpenMs)],
        ['subgraph timeout (each hung call)', seconds(figures.subgraphTimeoutMs)],
        ['latency while the breaker was open, p50 / p99', `${ms(figures.breakerOpenP50Ms)} / ${ms(figures.breakerOpenP99Ms)}`],
        ['continue → first card with benefits', seconds(figures.resumeToFirstSuccessMs)],
        ['breaker changes after the hang (s after it)', describeTransitions(events, t.hungAt)],
      ],
    ),
    '',
    expectationTable(expectations),
  ].join('\n');
  return { timeline: t, figures, breakerEvents: events, expectations, markdown };
}
