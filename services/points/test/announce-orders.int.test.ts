/**
 * An earn's order carries its announcements (announceOrders.ts; EARN_RISK_CHECK=after-commit), on
 * the database the suite runs on (SQLite, or MySQL with DATABASE_URL): the earn writes no outbox
 * event (one statement fewer), and the announcer hands the member's activity, their spend and the
 * earn's assessment to the outbox's own handlers after the commit; an earn that can upgrade still
 * reports before its answer; what a peer refuses goes to the outbox, an order left unannounced by a
 * stopped process is swept, and replicas racing over the same orders lose none.
 */
import type { DataSource } from 'typeorm';
import { createLogger, type QueryCounter } from '../../kit/src';
import { AFTER_COMMIT_ASSESSMENTS_KEY } from '../src/commands/assessRisk';
import { SWEEP_AFTER_MS } from '../src/commands/announceOrders';
import { SPEND_EVENTS_KEY, SPEND_TOPIC } from '../src/commands/publishSpend';
import { recordOrder, type EarnRules } from '../src/commands/recordOrder';
import { pointsSchema } from '../src/db/data-source';
import { createPointsEvents, type PointsEvents } from '../src/events';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { unannouncedOrders } from '../../../test/harness/outboxEvents';
import { RULES } from './commandFixture';
import { MemoryBenefits, memoryPeers, type MemoryPeers } from './memoryPorts';

let dataSource: DataSource;
let close: () => Promise<void>;
let queries: QueryCounter;
let peers: MemoryPeers;
let benefits: MemoryBenefits;
let events: PointsEvents;
const logger = createLogger('announce-orders-test', 'silent');
beforeAll(async () => {
  ({ dataSource, close, queries } = await openServiceTestDatabase(pointsSchema));
  peers = memoryPeers();
  // Points keeps a copy of each member's tier and the ladder, so an earn decides from them and the bound.
  peers.member.versioned = true;
  benefits = new MemoryBenefits();
  events = createPointsEvents({ dataSource, peers, benefits, logger, intervalMs: 0 });
});
afterAll(async () => {
  await events.stop();
  await close();
});

/** The service's default: risk hears of an earn after its commit. */
const AFTER_COMMIT: EarnRules = { ...RULES, earnRiskCheck: 'after-commit' };

const earn = (memberId: string, orderNo: string, delivery = events.delivery, now?: Date) =>
  recordOrder(dataSource, peers, delivery, AFTER_COMMIT, { memberId, orderNo, amount: '88.00', channel: 'POS' }, 'staff:test', now);

/** The service's delivery, but an order's announcements are asked for by `soon` (a test's stand-in for the background announcement). */
const announcedBy = (soon: () => void) => ({ ...events.delivery, orders: { reportNow: events.announcer.reportNow, soon } });

/** A member whose first earn was announced, which set the bound of their figures: their next earns decide from it. */
async function memberWithBound(memberId: string): Promise<string> {
  peers.member.add(memberId);
  await earn(
    memberId,
    `${memberId}-FIRST`,
    announcedBy(() => undefined),
  );
  await events.announcer.announce();
  const [account] = await dataSource.query('SELECT bound_since FROM points_accounts WHERE member_id = ?', [memberId]);
  expect(account.bound_since).not.toBeNull();
  return memberId;
}

const outboxOf = async (key: string) =>
  Number((await dataSource.query('SELECT COUNT(*) AS n FROM outbox_events WHERE event_key = ? AND delivered_at IS NULL', [key]))[0].n);
const announcedAt = async (orderNo: string) =>
  (await dataSource.query('SELECT announced_at FROM orders WHERE order_no = ?', [orderNo]))[0].announced_at as Date | string | null;
/** The outbox events, delivered or not, that announce something of the member, by type. */
async function eventsFor(memberId: string): Promise<Record<string, number>> {
  const rows: Array<{ type: string; payload: string }> = await dataSource.query('SELECT type, payload FROM outbox_events');
  const counts: Record<string, number> = {};
  for (const row of rows) if (JSON.parse(row.payload).memberId === memberId) counts[row.type] = (counts[row.type] ?? 0) + 1;
  return counts;
}
const reportedMembers = () => new Set(peers.member.reports.map((report) => report.memberId));
const assessedKeys = () => peers.risk.assessed.map((action) => action.idempotencyKey);
const spendSentFor = (memberId: string) => benefits.calls.flat().filter((window) => window.memberId === memberId).length;

describe('an earn after which risk assesses it', () => {
  it('that cannot upgrade its member writes no outbox event (7 statements), and its order carries the activity, the spend and the assessment to their peers', async () => {
    const memberId = await memberWithBound('quiet-1');
    let asked = 0;
    const sent = jest.spyOn(queries, 'logQuery');
    await earn(
      memberId,
      'QUIET-1',
      announcedBy(() => void (asked += 1)),
    );
    const statements = sent.mock.calls.map(([sql]) => String(sql));
    sent.mockRestore();
    // The read of order, tier copy and account; BEGIN; the guarded UPDATE; the entry; the lot; the order; COMMIT.
    expect(statements).toHaveLength(7);
    expect(statements.some((sql) => sql.includes('outbox_events'))).toBe(false);
    expect(asked).toBe(1);
    expect(await announcedAt('QUIET-1')).toBeNull();
    expect([await outboxOf(memberId), await unannouncedOrders(dataSource)]).toEqual([0, 1]);

    const reportsBefore = peers.member.reports.length;
    expect(await events.announcer.announce()).toBe(1);
    expect(peers.member.reports.slice(reportsBefore).map((report) => report.memberId)).toEqual([memberId]);
    // The figures reported count both orders (88.00 each).
    expect(peers.member.reports.at(-1)).toMatchObject({ memberId, spendFen: 17_600, purchases: 2 });
    expect(assessedKeys().filter((key) => key === 'EARN:QUIET-1')).toHaveLength(1);
    expect(spendSentFor(memberId)).toBeGreaterThanOrEqual(1);
    expect(await announcedAt('QUIET-1')).not.toBeNull();
    expect(await unannouncedOrders(dataSource)).toBe(0);
    // Announced once: nothing is read or sent again.
    const calls = [peers.member.reportCalls.length, peers.risk.batches.length, benefits.calls.length];
    expect(await events.announcer.announce()).toBe(0);
    expect([peers.member.reportCalls.length, peers.risk.batches.length, benefits.calls.length]).toEqual(calls);
  });

  it('that can upgrade its member reports before its answer, straight to member, and its order still carries its announcements', async () => {
    const memberId = await memberWithBound('loud-1');
    const order = (orderNo: string, soon = () => undefined) =>
      recordOrder(
        dataSource,
        peers,
        { ...events.delivery, orders: { reportNow: events.announcer.reportNow, soon } },
        AFTER_COMMIT,
        { memberId, orderNo, amount: '800.00', channel: 'POS' },
        'staff:test',
      );
    for (const i of [1, 2, 3]) await order(`LOUD-${i}`);
    await events.announcer.announce();
    // The fifth purchase, 3,288.00 in the year: Silver's thresholds (3,000.00 and 5) are reached.
    const calls = peers.member.reportCalls.length;
    let asked = 0;
    const sent = jest.spyOn(queries, 'logQuery');
    await order('LOUD-4', () => void (asked += 1));
    const statements = sent.mock.calls.map(([sql]) => String(sql));
    sent.mockRestore();
    expect(peers.member.reportCalls.slice(calls)).toEqual([[expect.objectContaining({ memberId, spendFen: 328_800, purchases: 5 })]]);
    // Its transaction wrote no outbox event either; after it, the figures read for the decision (the report reads none of its own).
    expect(statements).toHaveLength(8);
    expect(statements.some((sql) => sql.includes('outbox_events'))).toBe(false);
    expect([asked, await outboxOf(memberId)]).toEqual([1, 0]);
    expect(await announcedAt('LOUD-4')).toBeNull();
    await events.announcer.announce();
    expect(await announcedAt('LOUD-4')).not.toBeNull();
    expect(assessedKeys()).toContain('EARN:LOUD-4');
  });

  it('whose peer fails has that peer’s announcements written to the outbox, which delivers them once the peer is back', async () => {
    const memberId = await memberWithBound('quiet-2');
    // Announced by the call below alone (a background announcement could race it: twice is allowed, not tested here).
    await earn(
      memberId,
      'QUIET-2',
      announcedBy(() => undefined),
    );
    const eventsBefore = await eventsFor(memberId);
    benefits.down = true;
    const spendBefore = spendSentFor(memberId);
    try {
      expect(await events.announcer.announce()).toBe(1);
    } finally {
      benefits.down = false;
    }
    // Member and risk heard of it; the spend waits in the outbox, the order is announced.
    expect(reportedMembers().has(memberId)).toBe(true);
    expect(assessedKeys()).toContain('EARN:QUIET-2');
    expect(await announcedAt('QUIET-2')).not.toBeNull();
    // The outbox holds its spend event alone (delivered or not: the outbox tries it at once in the background).
    expect(await eventsFor(memberId)).toEqual({ ...eventsBefore, [SPEND_TOPIC]: (eventsBefore[SPEND_TOPIC] ?? 0) + 1 });
    // Until the outbox has delivered it (the dispatcher's pass past the failed attempt's backoff).
    for (let i = 0; i < 200 && (await outboxOf(SPEND_EVENTS_KEY)) > 0; i++) {
      await events.outbox.dispatch(new Date(Date.now() + 120_000));
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await outboxOf(SPEND_EVENTS_KEY)).toBe(0);
    expect(spendSentFor(memberId)).toBe(spendBefore + 1);
  });

  it('left unannounced by a process that stopped after the commit is announced by the sweep, once it has waited', async () => {
    const memberId = await memberWithBound('quiet-3');
    // Nobody is asked to announce it: the process stopped right after the commit.
    const stopped = announcedBy(() => undefined);
    await earn(memberId, 'QUIET-3', stopped);
    expect(await events.announcer.announce(new Date(Date.now() - SWEEP_AFTER_MS))).toBe(0);
    expect(await announcedAt('QUIET-3')).toBeNull();
    // One recorded long enough ago: the next start's sweep takes it.
    await earn(memberId, 'QUIET-3-OLD', stopped, new Date(Date.now() - 2 * SWEEP_AFTER_MS));
    const restarted = createPointsEvents({ dataSource, peers, benefits, logger, intervalMs: 20 });
    try {
      for (let i = 0; i < 200 && (await announcedAt('QUIET-3-OLD')) === null; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    } finally {
      await restarted.stop();
    }
    expect(await announcedAt('QUIET-3-OLD')).not.toBeNull();
    expect(assessedKeys()).toContain('EARN:QUIET-3-OLD');
    // The recent one waits for its own announcement (or the sweep after SWEEP_AFTER_MS).
    expect(await announcedAt('QUIET-3')).toBeNull();
    await events.announcer.announce();
    expect(await unannouncedOrders(dataSource)).toBe(0);
  });

  it('under concurrent earns announced by two replicas at once: every order announced, every member reported, every earn assessed, Σ ledger == balance', async () => {
    const members = await Promise.all(Array.from({ length: 8 }, (_, i) => memberWithBound(`quiet-race-${i}`)));
    const replica = createPointsEvents({ dataSource, peers, benefits, logger, intervalMs: 0, batching: { lingerMs: 5, maxEvents: 100 } });
    const reportsBefore = peers.member.reports.length;
    try {
      await Promise.all(
        members.flatMap((memberId, m) =>
          [0, 1, 2].map((i) => earn(memberId, `RACE-${m}-${i}`, (m + i) % 2 === 0 ? events.delivery : replica.delivery)),
        ),
      );
      // Both replicas also announce whatever is left at once, racing each other.
      await Promise.all([events.announcer.announce(), replica.announcer.announce()]);
    } finally {
      await replica.stop();
    }
    expect(await unannouncedOrders(dataSource)).toBe(0);
    expect(await outboxOf(AFTER_COMMIT_ASSESSMENTS_KEY)).toBe(0);
    const reported = new Set(peers.member.reports.slice(reportsBefore).map((report) => report.memberId));
    expect(members.filter((memberId) => !reported.has(memberId))).toEqual([]);
    for (const [m] of members.entries()) for (const i of [0, 1, 2]) expect(assessedKeys()).toContain(`EARN:RACE-${m}-${i}`);
    for (const memberId of members) {
      const [{ sum }] = await dataSource.query('SELECT SUM(points) AS sum FROM points_ledger WHERE member_id = ?', [memberId]);
      const [{ balance }] = await dataSource.query('SELECT balance FROM points_accounts WHERE member_id = ?', [memberId]);
      expect({ memberId, balance: Number(balance) }).toEqual({ memberId, balance: Number(sum) });
      expect(Number(balance)).toBe(4 * 88);
    }
  });
});
