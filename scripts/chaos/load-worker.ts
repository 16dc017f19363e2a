/**
 * The load generator, forked by load.ts so making requests does not compete with the harness's own
 * timers: the member card at a fixed rate (open loop: a slow answer does not delay the next
 * request, as real clients do not wait for each other), every answer recorded.
 */
import { atFixedRate } from '../bench/arrivals';
import { epochMs } from './clock';
import { CARD, inspectCard, type CardRecord } from './card';

export interface LoadJob {
  gatewayUrl: string;
  token: string;
  memberIds: string[];
  ratePerSecond: number;
  /** epochMs() of the first request, so the harness can schedule its faults on the same time line. */
  startAt: number;
  durationMs: number;
  /** A request unanswered this long counts as a transport error (well beyond SUBGRAPH_TIMEOUT_MS). */
  requestTimeoutMs: number;
}

/** From the worker: ready for its job (once started, which takes a moment), then the outcome. */
export type LoadMessage = { ready: true } | { ok: true; records: CardRecord[] } | { ok: false; error: string };

async function cardRequest(job: LoadJob, memberId: string): Promise<CardRecord> {
  const sentAt = epochMs();
  try {
    const response = await fetch(job.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${job.token}` },
      body: JSON.stringify({ query: CARD, variables: { id: memberId } }),
      signal: AbortSignal.timeout(job.requestTimeoutMs),
    });
    const text = await response.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined; // a non-JSON answer (e.g. a proxy's 502 page) is recorded by its status
    }
    return { sentAt, doneAt: epochMs(), ...inspectCard(response.status, body) };
  } catch (error) {
    return {
      sentAt,
      doneAt: epochMs(),
      status: 0,
      transportError: String((error as Error).cause ?? error),
      member: false,
      benefits: false,
      maskedUnavailable: false,
      errorCodes: [],
    };
  }
}

/** Request i at startAt + i / rate (an open loop, scripts/bench/arrivals.ts). */
function run(job: LoadJob): Promise<CardRecord[]> {
  const schedule = {
    rate: job.ratePerSecond,
    total: Math.round((job.durationMs / 1000) * job.ratePerSecond),
    start: job.startAt,
    now: epochMs,
  };
  return atFixedRate(schedule, (i) => cardRequest(job, job.memberIds[i % job.memberIds.length]));
}

process.once('message', (job: LoadJob) => {
  run(job).then(
    (records) => process.send!({ ok: true, records } satisfies LoadMessage),
    (error: unknown) => process.send!({ ok: false, error: String(error) } satisfies LoadMessage),
  );
});
// A harness that died must not leave its load running.
process.once('disconnect', () => process.exit(0));
process.send!({ ready: true } satisfies LoadMessage);
