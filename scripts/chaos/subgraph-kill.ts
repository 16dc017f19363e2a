/**
 * Scenario 1, a subgraph killed under load: the member card at a fixed rate through the gateway,
 * the benefits process SIGKILLed part-way and started again later on the same port and database.
 * Every response is recorded and judged by when it was sent: before the kill, during the outage,
 * after the restart.
 */
import { describeTransitions, watchBreakers, type BreakerEvent } from './breakers';
import type { CardRecord } from './card';
import { epochMs } from './clock';
import type { Cluster } from './cluster';
import { startLoad } from './load';
import { expectationTable, markdownTable, ms, percentile, seconds, type Expectation } from './report';

export interface SubgraphKillOptions {
  ratePerSecond: number;
  durationMs: number;
  killAfterMs: number;
  restartAfterMs: number;
}

/** The moments of the fault, epochMs(). */
export interface Timeline {
  startAt: number;
  killSignalAt: number;
  /** When the process was seen gone (its exit): anything sent later met a dead subgraph. */
  killedAt: number;
  restartAt: number;
  readyAt: number;
}

export interface PhaseRow {
  phase: string;
  requests: number;
  http5xx: number;
  unanswered: number;
  withMember: number;
  withBenefits: number;
  maskedUnavailable: number;
  p50: number;
  p99: number;
}

export interface SubgraphKillResult {
  timeline: Timeline;
  phases: PhaseRow[];
  figures: Record<string, number | undefined>;
  breakerEvents: BreakerEvent[];
  expectations: Expectation[];
  markdown: string;
  /** The first answers that broke an expectation, for the JSON results. */
  samples: CardRecord[];
}

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - epochMs())));
const latency = (r: CardRecord) => r.doneAt - r.sentAt;

export async function subgraphKilledUnderLoad(
  cluster: Cluster,
  memberIds: string[],
  options: SubgraphKillOptions,
): Promise<SubgraphKillResult> {
  const benefits = cluster.services.benefits;
  const breakers = watchBreakers(cluster.gateway);
  try {
    const load = await startLoad({
      gatewayUrl: cluster.gatewayUrl,
      token: cluster.adminToken,
      memberIds,
      ratePerSecond: options.ratePerSecond,
      durationMs: options.durationMs,
      requestTimeoutMs: cluster.subgraphTimeoutMs * 3,
    });
    await sleepUntil(load.startAt + options.killAfterMs);
    const killSignalAt = epochMs();
    const killedAt = await benefits.kill();
    await sleepUntil(load.startAt + options.restartAfterMs);
    const restartAt = epochMs();
    const { readyAt } = await benefits.start();
    const records = await load.records;
    return analyse(records, { startAt: load.startAt, killSignalAt, killedAt, restartAt, readyAt }, breakers.events, cluster);
  } finally {
    breakers.stop();
  }
}

function phaseRow(phase: string, records: CardRecord[]): PhaseRow {
  const latencies = records.map(latency);
  return {
    phase,
    requests: records.length,
    http5xx: records.filter((r) => r.status >= 500).length,
    unanswered: records.filter((r) => r.status === 0).length,
    withMember: records.filter((r) => r.member).length,
    withBenefits: records.filter((r) => r.benefits).length,
    maskedUnavailable: records.filter((r) => r.maskedUnavailable).length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

function analyse(records: CardRecord[], t: Timeline, events: BreakerEvent[], cluster: Cluster): SubgraphKillResult {
  const before = records.filter((r) => r.sentAt < t.killSignalAt);
  const outage = records.filter((r) => r.sentAt >= t.killSignalAt && r.sentAt < t.restartAt);
  const after = records.filter((r) => r.sentAt >= t.restartAt);
  const all = phaseRow('all', records);
  const phases = [phaseRow('before kill', before), phaseRow('outage', outage), phaseRow('after restart', after), all];

  // Judged strictly: sent after the process was gone and answered before it was started again.
  const surelyDown = records.filter((r) => r.sentAt >= t.killedAt && r.doneAt < t.restartAt);
  const answeredBeforeKill = records.filter((r) => r.doneAt < t.killSignalAt);
  const outageAfterFirstSecond = outage.filter((r) => r.sentAt >= t.killedAt + 1000).map(latency);
  // The subgraph is down until the restarted process listens, so the breaker may open after the restart call.
  const opened = events.filter((e) => e.state === 'open' && e.at >= t.killSignalAt && e.at < t.readyAt);
  const firstOpen = opened[0]?.at;
  const whileOpen = firstOpen === undefined ? [] : records.filter((r) => r.sentAt >= firstOpen && r.sentAt < t.readyAt).map(latency);
  const firstSuccess = records.filter((r) => r.sentAt >= t.killedAt && r.benefits).sort((a, b) => a.doneAt - b.doneAt)[0];
  const afterRecovery = firstSuccess ? records.filter((r) => r.sentAt > firstSuccess.doneAt) : [];

  const figures = {
    killToBreakerOpenMs: firstOpen === undefined ? undefined : firstOpen - t.killSignalAt,
    outageP50AfterFirstSecondMs: percentile(outageAfterFirstSecond, 50),
    outageP99AfterFirstSecondMs: percentile(outageAfterFirstSecond, 99),
    breakerOpenP50Ms: percentile(whileOpen, 50),
    breakerOpenP99Ms: percentile(whileOpen, 99),
    restartToReadyMs: t.readyAt - t.restartAt,
    restartToFirstSuccessMs: firstSuccess ? firstSuccess.doneAt - t.restartAt : undefined,
    readyToFirstSuccessMs: firstSuccess ? firstSuccess.doneAt - t.readyAt : undefined,
    breakerResetMs: cluster.breakerResetMs,
  };
  const beforeP99 = phases[0].p99;
  // Failing fast means no waiting for a subgraph timeout; on a machine busy enough to slow even the
  // healthy answers, "fast" is measured against those.
  const fastLimitMs = Math.max(cluster.subgraphTimeoutMs / 5, 1.5 * beforeP99);
  // Once the process listens, the gateway must find it by itself: at the breaker's next trial at the latest.
  const recoveryLimitMs = cluster.breakerResetMs + 2000;
  const count = (subset: CardRecord[], ok: (r: CardRecord) => boolean) => `${subset.filter(ok).length} of ${subset.length}`;
  const expectations: Expectation[] = [
    { name: 'no HTTP 5xx', pass: all.http5xx === 0, detail: `${all.http5xx} of ${records.length}` },
    { name: 'every request answered', pass: all.unanswered === 0, detail: `${all.unanswered} unanswered` },
    {
      name: 'member data (maskedPhone, points) in every response',
      pass: records.every((r) => r.member),
      detail: `${count(records, (r) => !r.member)} lack it (${count(surelyDown, (r) => !r.member)} while benefits was down)`,
    },
    {
      name: 'benefits in every response answered before the kill',
      pass: answeredBeforeKill.every((r) => r.benefits),
      detail: `${count(answeredBeforeKill, (r) => r.benefits)}`,
    },
    {
      name: 'while benefits is down: benefits null with a masked UNAVAILABLE error',
      pass: surelyDown.length > 0 && surelyDown.every((r) => r.maskedUnavailable),
      detail: `${count(surelyDown, (r) => r.maskedUnavailable)}`,
    },
    {
      timing: true,
      name: "the gateway's breaker for benefits opened during the outage, and no other",
      pass: opened.length > 0 && opened.every((e) => e.subgraph === 'benefits'),
      detail:
        firstOpen === undefined
          ? 'never opened'
          : `after ${seconds(figures.killToBreakerOpenMs)}; breakers opened: ${[...new Set(opened.map((e) => e.subgraph))].join(', ')}`,
    },
    {
      timing: true,
      name: `outage answered fast: p99 after its first second < ${ms(fastLimitMs)} (SUBGRAPH_TIMEOUT_MS / 5, or 1.5 × p99 before the kill if larger)`,
      pass: outageAfterFirstSecond.length > 0 && figures.outageP99AfterFirstSecondMs < fastLimitMs,
      detail: `p50 ${ms(figures.outageP50AfterFirstSecondMs)}, p99 ${ms(figures.outageP99AfterFirstSecondMs)}`,
    },
    {
      timing: true,
      name: `benefits back within ${seconds(recoveryLimitMs)} of the restarted process listening (breaker reset + 2 s)`,
      pass: figures.readyToFirstSuccessMs !== undefined && figures.readyToFirstSuccessMs <= recoveryLimitMs,
      detail: `first success ${seconds(figures.readyToFirstSuccessMs)} after it listened, ${seconds(figures.restartToFirstSuccessMs)} after the restart`,
    },
    {
      name: 'after that first success, benefits in every response',
      pass: firstSuccess !== undefined && afterRecovery.every((r) => r.benefits),
      detail: `${count(afterRecovery, (r) => r.benefits)}`,
    },
  ];
  const failedSamples = records.filter((r) => r.status >= 500 || r.status === 0 || !r.member).slice(0, 5);
  return {
    timeline: t,
    phases,
    figures,
    breakerEvents: events,
    expectations,
    samples: failedSamples,
    markdown: render(phases, figures, events, t, expectations),
  };
}

function render(
  phases: PhaseRow[],
  f: SubgraphKillResult['figures'],
  events: BreakerEvent[],
  t: Timeline,
  expectations: Expectation[],
): string {
  return [
    markdownTable(
      ['phase', 'requests', '5xx', 'unanswered', 'with member data', 'with benefits', 'benefits masked UNAVAILABLE', 'p50', 'p99'],
      phases.map((p) => [
        p.phase,
        p.requests,
        p.http5xx,
        p.unanswered,
        p.withMember,
        p.withBenefits,
        p.maskedUnavailable,
        ms(p.p50),
        ms(p.p99),
      ]),
    ),
    '',
    markdownTable(
      ['figure', 'value'],
      [
        ['kill → breaker open', seconds(f.killToBreakerOpenMs)],
        [
          'outage latency after its first second, p50 / p99',
          `${ms(f.outageP50AfterFirstSecondMs!)} / ${ms(f.outageP99AfterFirstSecondMs!)}`,
        ],
        ['latency while the breaker was open, p50 / p99', `${ms(f.breakerOpenP50Ms!)} / ${ms(f.breakerOpenP99Ms!)}`],
        ['restart → benefits process ready', seconds(f.restartToReadyMs)],
        ['restart → first card with benefits', seconds(f.restartToFirstSuccessMs)],
        ['ready → first card with benefits (breaker reset is ' + seconds(f.breakerResetMs) + ')', seconds(f.readyToFirstSuccessMs)],
        ['breaker changes after the kill (s after the kill)', describeTransitions(events, t.killSignalAt)],
      ],
    ),
    '',
    expectationTable(expectations),
  ].join('\n');
}
