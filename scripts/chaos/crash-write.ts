/**
 * Scenario 2, a crash in the middle of a write: a burst of earns (recordOrder, unique order numbers,
 * many in flight) through the gateway, the points process SIGKILLed part-way through, restarted on
 * the same database, every unacknowledged order sent again with the same order number until it is
 * acknowledged; then the points database is checked directly.
 */
import { readCommonConfig, resolveDatabaseTarget } from '../../services/kit/src';
import { describeTransitions, watchBreakers } from './breakers';
import { epochMs } from './clock';
import type { Cluster } from './cluster';
import { auditPoints, type PointsAudit } from './points-audit';
import { expectationTable, markdownTable, seconds, type Expectation } from './report';

export interface CrashWriteOptions {
  earns: number;
  members: number;
  concurrency: number;
  /** The kill goes out once this share of the burst has been answered. */
  killAtFraction: number;
  /** How long the retries may take after the restart before the harness gives up. */
  retryDeadlineMs: number;
}

const EARN =
  'mutation Earn($m: ID!, $o: String!, $a: String!) { recordOrder(memberId: $m, orderNo: $o, amount: $a, channel: POS) { orderNo pointsEarned replayed } }';
/** Pause between retry rounds: the gateway's breaker for points may still be open for a moment. */
const RETRY_PAUSE_MS = 300;

interface Earn {
  orderNo: string;
  memberId: string;
  amount: string;
  acknowledged: boolean;
  sentAt: number;
  doneAt: number;
  /** The retry after the restart was answered as a replay: it had been written before the crash. */
  replayed: boolean;
}

export interface CrashWriteResult {
  figures: {
    earnsSent: number;
    acknowledgedBeforeKill: number;
    unacknowledged: number;
    inFlightAtKill: number;
    retried: number;
    retryAttempts: number;
    committedButUnacknowledged: number;
    stillUnacknowledged: number;
    restartToReadyMs: number;
    restartToFirstRetryAcknowledgedMs: number | undefined;
  };
  /** The gateway's breaker changes from the kill on. */
  breakerChanges: string;
  audit: PointsAudit;
  expectations: Expectation[];
  markdown: string;
}

async function send(cluster: Cluster, earn: Earn): Promise<void> {
  earn.sentAt = epochMs();
  try {
    const { status, body } = await cluster.query<{ recordOrder: { orderNo: string; replayed: boolean } | null }>(EARN, {
      m: earn.memberId,
      o: earn.orderNo,
      a: earn.amount,
    });
    const receipt = body.data?.recordOrder;
    earn.acknowledged = status === 200 && !body.errors && receipt?.orderNo === earn.orderNo;
    earn.replayed = earn.acknowledged && receipt?.replayed === true;
  } catch {
    earn.acknowledged = false; // no answer, or not JSON: not acknowledged
  }
  earn.doneAt = epochMs();
}

/** Sends `earns` with `concurrency` in flight; `afterEach` runs as each answer arrives. */
async function sendAll(cluster: Cluster, earns: Earn[], concurrency: number, afterEach: () => void = () => {}): Promise<number> {
  let next = 0;
  const lane = async () => {
    while (next < earns.length) {
      await send(cluster, earns[next++]);
      afterEach();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return earns.length;
}

export async function crashInTheMiddleOfAWrite(
  cluster: Cluster,
  memberIds: string[],
  options: CrashWriteOptions,
): Promise<CrashWriteResult> {
  const points = cluster.services.points;
  const prefix = `CHAOS-${Date.now().toString(36)}-`;
  const earns: Earn[] = Array.from({ length: options.earns }, (_, i) => ({
    orderNo: `${prefix}${i}`,
    memberId: memberIds[i % Math.min(options.members, memberIds.length)],
    amount: `${20 + (i % 37)}.${String(i % 100).padStart(2, '0')}`,
    acknowledged: false,
    sentAt: 0,
    doneAt: 0,
    replayed: false,
  }));

  const breakers = watchBreakers(cluster.gateway);
  let answered = 0;
  let killSignalAt = 0;
  let killed: Promise<number> | undefined;
  await sendAll(cluster, earns, options.concurrency, () => {
    answered += 1;
    if (!killed && answered >= options.earns * options.killAtFraction) {
      killSignalAt = epochMs();
      killed = points.kill();
    }
  });
  await killed;
  const acknowledgedBeforeKill = earns.filter((e) => e.acknowledged).length;
  const inFlightAtKill = earns.filter((e) => e.sentAt < killSignalAt && e.doneAt > killSignalAt && !e.acknowledged).length;

  const restartAt = epochMs();
  const { readyAt } = await points.start();
  const toRetry = earns.filter((e) => !e.acknowledged);
  let pending = toRetry;
  let retryAttempts = 0;
  const deadline = readyAt + options.retryDeadlineMs;
  while (pending.length > 0 && epochMs() < deadline) {
    retryAttempts += await sendAll(cluster, pending, options.concurrency);
    pending = pending.filter((e) => !e.acknowledged);
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
  }
  breakers.stop();
  const firstRetryAcknowledged = Math.min(...toRetry.filter((e) => e.acknowledged).map((e) => e.doneAt));

  // Whether acknowledged in the burst or on a retry: an acknowledged earn must be in the ledger.
  const acknowledged = new Set(earns.filter((e) => e.acknowledged).map((e) => e.orderNo));
  const audit = await auditPoints(
    resolveDatabaseTarget(readCommonConfig('points', cluster.env)),
    earns.map((e) => e.orderNo),
    acknowledged,
    prefix,
  );
  const figures = {
    earnsSent: earns.length,
    acknowledgedBeforeKill,
    unacknowledged: toRetry.length,
    inFlightAtKill,
    retried: toRetry.length,
    retryAttempts,
    committedButUnacknowledged: toRetry.filter((e) => e.replayed).length,
    stillUnacknowledged: pending.length,
    restartToReadyMs: readyAt - restartAt,
    restartToFirstRetryAcknowledgedMs: Number.isFinite(firstRetryAcknowledged) ? firstRetryAcknowledged - restartAt : undefined,
  };
  const breakerChanges = describeTransitions(breakers.events, killSignalAt);
  const expectations = judge(figures, audit, options);
  return { figures, audit, breakerChanges, expectations, markdown: render(figures, audit, breakerChanges, expectations) };
}

function judge(f: CrashWriteResult['figures'], audit: PointsAudit, options: CrashWriteOptions): Expectation[] {
  const list = (names: string[]) =>
    names.length === 0 ? '0' : `${names.length}: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`;
  return [
    {
      name: 'the kill landed mid-burst (some earns acknowledged, some in flight)',
      pass: f.acknowledgedBeforeKill > 0 && f.inFlightAtKill > 0,
      detail: `${f.acknowledgedBeforeKill} acknowledged, ${f.inFlightAtKill} in flight`,
    },
    {
      name: `every unacknowledged earn acknowledged on retry within ${options.retryDeadlineMs / 1000} s of the restart`,
      pass: f.stillUnacknowledged === 0,
      detail: `${f.stillUnacknowledged} still unacknowledged after ${f.retryAttempts} attempts`,
    },
    { name: 'no order earned twice (EARN entries per order ≤ 1)', pass: audit.duplicates.length === 0, detail: list(audit.duplicates) },
    { name: 'no acknowledged earn lost', pass: audit.lostAcknowledged.length === 0, detail: list(audit.lostAcknowledged) },
    {
      name: 'every order exactly once (one orders row, one EARN entry)',
      pass: audit.notExactlyOnce.length === 0,
      detail: list(audit.notExactlyOnce),
    },
    { name: "each EARN entry carries its order's points", pass: audit.pointsDiffer.length === 0, detail: list(audit.pointsDiffer) },
    {
      name: 'every member: balance == Σ ledger',
      pass: audit.ledgerMismatches.length === 0,
      detail: `${list(audit.ledgerMismatches)} of ${audit.membersChecked}`,
    },
    {
      name: 'every member: balance == Σ lots remaining',
      pass: audit.lotMismatches.length === 0,
      detail: `${list(audit.lotMismatches)} of ${audit.membersChecked}`,
    },
  ];
}

function render(f: CrashWriteResult['figures'], audit: PointsAudit, breakerChanges: string, expectations: Expectation[]): string {
  return [
    markdownTable(
      [
        'earns sent',
        'acknowledged before kill',
        'failed / unacknowledged',
        'in flight at the kill',
        'retried after restart',
        'of which already written (replayed)',
        'retry attempts',
        'duplicates',
        'acknowledged but lost',
        'members checked',
        'ledger / balance mismatches',
        'lots / balance mismatches',
      ],
      [
        [
          f.earnsSent,
          f.acknowledgedBeforeKill,
          f.unacknowledged,
          f.inFlightAtKill,
          f.retried,
          f.committedButUnacknowledged,
          f.retryAttempts,
          audit.duplicates.length,
          audit.lostAcknowledged.length,
          audit.membersChecked,
          audit.ledgerMismatches.length,
          audit.lotMismatches.length,
        ],
      ],
    ),
    '',
    markdownTable(
      ['figure', 'value'],
      [
        ['restart → points process ready', seconds(f.restartToReadyMs)],
        ['restart → first retry acknowledged', seconds(f.restartToFirstRetryAcknowledgedMs)],
        ['gateway breaker changes after the kill (s after the kill)', breakerChanges],
      ],
    ),
    '',
    expectationTable(expectations),
  ].join('\n');
}
