import { attachDatabaseMetrics, createServiceMetrics, type KnownToDelivery } from '../../../../kit/src';
import { multiplier, servedCalendar } from '../../../test/calendarFixture';
import { openPointsCommands, RULES, type PointsCommands } from '../../../test/commandFixture';
import { snapshotDatabase } from '../../../../../test/harness/commandDatabase';
import type { CalendarCampaign } from '../../domain/earnCalendar';
import { AFTER_COMMIT_ASSESSMENTS_KEY } from '../assessRisk';
import { campaignCalendarChanged } from '../campaignCalendar';
import { expireDueLots } from '../expireLots';
import { SPEND_EVENTS_KEY } from '../publishSpend';
import { recordOrder } from '../recordOrder';
import type { PointsPeers } from '../../ports';

let c: PointsCommands;
beforeEach(async () => {
  c = await openPointsCommands();
});
afterEach(() => c.close());

const order = (memberId: string, orderNo: string, amount = '123.45') => ({ memberId, orderNo, amount, channel: 'POS' });
const record = (input: ReturnType<typeof order>, rules = RULES, now = new Date('2026-03-10T08:00:00Z')) =>
  recordOrder(c.dataSource, c.peers, c.outbox, rules, input, 'staff:test', now);
/** Until the spend events sent to benefits in the background after the commits are delivered (or failed once). */
const spendSent = async () => {
  for (let i = 0; i < 1000 && (await c.events(SPEND_EVENTS_KEY)).some((e) => !e.delivered && e.attempts === 0); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('recordOrder', () => {
  it('earns floor(amount × base rate × γ × coefficient) once, with its lot, and reports the activity to the tier engine', async () => {
    const m = c.peers.member.add('m-1', { multiplierMilli: 1200 });
    c.peers.campaign.coefficientMilli = 2000;
    const receipt = await record(order(m, 'O-1'));
    // 123.45 × 1 × 1.2 × 2.0 = 296.28 → 296
    expect(receipt).toMatchObject({ replayed: false, order: { orderNo: 'O-1', amountFen: 12345, pointsEarned: 296 } });
    expect(await c.account(m)).toEqual({ balance: 296, debt: 0 });
    expect(await c.scalar('SELECT SUM(remaining) FROM points_lots WHERE member_id = ?', [m])).toBe(296);
    expect(c.peers.risk.assessed).toEqual([{ action: 'EARN', memberId: m, amountFen: 12345, channel: 'POS', idempotencyKey: 'EARN:O-1' }]);
    // Enqueued in the order's transaction, delivered right after it with the 12-month figures.
    expect(await c.events(m)).toEqual([{ type: 'tier.activity', payload: { memberId: m }, delivered: true, attempts: 0 }]);
    expect(c.peers.member.reports).toEqual([{ memberId: m, spendFen: 12345, purchases: 1, asOf: expect.any(Date) }]);
  });

  it('answers a replay with the first receipt and writes nothing more; a reused order number with other details is CONFLICT', async () => {
    const m = c.peers.member.add('m-1');
    await record(order(m, 'O-1'));
    c.peers.campaign.coefficientMilli = 3000; // a replay must not re-price the order
    expect(await record(order(m, 'O-1'))).toMatchObject({ replayed: true, order: { pointsEarned: 123 } });
    await expect(record(order(m, 'O-1', '999.00'))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await c.scalar('SELECT COUNT(*) FROM points_ledger')).toBe(1);
    // The first earn's tier activity and spend events, nothing of the replays.
    expect(await c.scalar('SELECT COUNT(*) FROM outbox_events')).toBe(2);
    expect(c.peers.risk.assessed).toHaveLength(1);
  });

  it("answers a till's retry of a recorded order while member is down, before asking any peer", async () => {
    const m = c.peers.member.add('m-1');
    await record(order(m, 'O-1'));
    c.peers.member.down = true;
    expect(await record(order(m, 'O-1'))).toMatchObject({ replayed: true, order: { pointsEarned: 123 } });
    await expect(record(order(m, 'O-1', '999.00'))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await c.scalar('SELECT COUNT(*) FROM points_ledger')).toBe(1);
  });

  it("a member's first earn creates the account; later earns read it under the lock once, with no statement before the transaction", async () => {
    const m = c.peers.member.add('m-1');
    // The spend sent to benefits in the background is counted apart (publishSpend.int.test.ts).
    const spendLater = { deliverNow: c.outbox.deliverNow, deliverSoon: () => undefined, deliverSoonTogether: () => undefined };
    await recordOrder(c.dataSource, c.peers, spendLater, RULES, order(m, 'O-1'), 'staff:test', new Date('2026-03-10T08:00:00Z'));
    const before = c.queries.count;
    await recordOrder(c.dataSource, c.peers, spendLater, RULES, order(m, 'O-2'), 'staff:test', new Date('2026-03-10T08:00:00Z'));
    // Is the order known, points' copy of the member's tier and the account, in one statement (no copy
    // here: this member service sends no tier versions, so it is asked); BEGIN, the balance update
    // guarded by the version read (no locking read), the ledger entry, the lot, the order, the activity
    // and spend events (one INSERT), COMMIT; then the activity's delivery: the pending events of the
    // member, their 12-month figures, marked delivered.
    expect(c.queries.count - before).toBe(11);
    expect(await c.account(m)).toEqual({ balance: 246, debt: 0 });
    expect(await c.scalar('SELECT COUNT(*) FROM points_accounts')).toBe(1);
  });

  it('an account changed between the earn’s read and its transaction: the guarded update refuses the plan, and the earn is made again under the lock', async () => {
    const m = c.peers.member.add('m-1');
    // No background deliveries: every statement counted below is the earns' own.
    const events = { deliverNow: c.outbox.deliverNow, deliverSoon: () => undefined, deliverSoonTogether: () => undefined };
    const at = new Date('2026-03-10T08:00:00Z');
    const earn = (orderNo: string, amount: string, peers: PointsPeers = c.peers) =>
      recordOrder(c.dataSource, peers, events, RULES, order(m, orderNo, amount), 'staff:test', at);
    const metrics = createServiceMetrics('points');
    attachDatabaseMetrics(c.dataSource, metrics);
    await earn('O-1', '123.45');
    // Risk is asked after the earn read the account and before its transaction: another earn of the member commits meanwhile.
    const risk = c.peers.risk;
    const meanwhile = async (action: Parameters<typeof risk.assess>[0]) => (await earn('O-2', '10.00'), risk.assess(action));
    const before = c.queries.count;
    await earn('O-3', '1.00', { ...c.peers, risk: { assess: meanwhile, assessBatch: (actions) => risk.assessBatch(actions) } });
    const between = c.queries.count;
    await earn('O-4', '1.00');
    const oneEarn = c.queries.count - between;
    // O-3 and O-2 within it: O-3's refused attempt (BEGIN, the update that matched no row, ROLLBACK) and its locking read are 4 more.
    expect(between - before).toBe(2 * oneEarn + 4);
    // The re-run is counted (membergraph_ledger_replans_total); the earns that found their account unchanged are not.
    expect((await metrics.ledgerReplans.get()).values[0]?.value).toBe(1);
    expect(await c.account(m)).toEqual({ balance: 123 + 10 + 1 + 1, debt: 0 });
    const ledger = await c.dataSource.query('SELECT source_ref, points, balance_after, seq FROM points_ledger ORDER BY seq');
    expect(ledger.map((e: Record<string, unknown>) => [e.source_ref, Number(e.points), Number(e.balance_after), Number(e.seq)])).toEqual([
      ['O-1', 123, 123, 1],
      ['O-2', 10, 133, 2],
      ['O-3', 1, 134, 3],
      ['O-4', 1, 135, 4],
    ]);
    expect(await c.scalar('SELECT COUNT(*) FROM orders')).toBe(4);
  });

  it('two racing first attempts of one order earn once', async () => {
    const m = c.peers.member.add('m-1');
    const both = await Promise.all([record(order(m, 'O-1')), record(order(m, 'O-1'))]);
    expect(both.map((r) => r.replayed).sort()).toEqual([false, true]);
    expect(await c.account(m)).toEqual({ balance: 123, debt: 0 });
  });

  it('refuses an unknown member (NOT_FOUND), a risk denial (RISK_DENIED) and bad input (BAD_USER_INPUT), writing nothing', async () => {
    await expect(record(order('nobody', 'O-1'))).rejects.toMatchObject({ code: 'NOT_FOUND', details: { field: 'memberId' } });
    const m = c.peers.member.add('m-1');
    c.peers.risk.decision = 'DENY';
    await expect(record(order(m, 'O-2'))).rejects.toMatchObject({ code: 'RISK_DENIED' });
    c.peers.risk.decision = 'ALLOW';
    await expect(record(order(m, 'bad order no'))).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'orderNo' } });
    await expect(record(order(m, 'O-3', '-1.00'))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await c.scalar('SELECT COUNT(*) FROM orders')).toBe(0);
    expect(await c.scalar('SELECT COUNT(*) FROM points_ledger')).toBe(0);
    expect(await c.scalar('SELECT COUNT(*) FROM outbox_events')).toBe(0);
  });

  it('lets a review through: the earn is made (risk keeps the decision in its review queue)', async () => {
    const m = c.peers.member.add('m-1');
    c.peers.risk.decision = 'REVIEW';
    expect(await record(order(m, 'O-1'))).toMatchObject({ replayed: false, order: { pointsEarned: 123 } });
    expect(await c.account(m)).toEqual({ balance: 123, debt: 0 });
  });

  it('fails open when risk does not answer: the order earns, and its assessment waits in the outbox, flagged, until risk is back', async () => {
    const m = c.peers.member.add('m-1');
    c.peers.risk.down = true;
    const at = new Date('2026-03-10T08:00:00Z');
    const receipt = await record({ ...order(m, 'O-1'), store: 'SH-01' } as ReturnType<typeof order>, RULES, at);
    expect(receipt).toMatchObject({ replayed: false, order: { pointsEarned: 123 } });
    expect(await c.account(m)).toEqual({ balance: 123, debt: 0 });
    const late = {
      action: 'EARN',
      memberId: m,
      amountFen: 12345,
      channel: 'POS',
      store: 'SH-01',
      idempotencyKey: 'EARN:O-1',
      occurredAt: at.toISOString(),
      failOpen: true,
    };
    expect(await c.events(m)).toEqual([
      { type: 'tier.activity', payload: { memberId: m }, delivered: true, attempts: 0 },
      { type: 'risk.assess', payload: late, delivered: false, attempts: 1 },
    ]);
    await spendSent();
    c.peers.risk.down = false;
    expect(await c.outbox.dispatch(new Date(Date.now() + 120_000))).toBe(1);
    expect(c.peers.risk.assessed).toEqual([{ ...late, occurredAt: at }]);
    expect(await c.events(m)).toMatchObject([{ delivered: true }, { type: 'risk.assess', delivered: true }]);
  });

  it('keeps the order when the tier engine is down: the activity event stays pending and the dispatcher delivers it later', async () => {
    const m = c.peers.member.add('m-1');
    c.peers.member.reportsDown = true;
    expect(await record(order(m, 'O-1'))).toMatchObject({ replayed: false, order: { pointsEarned: 123 } });
    expect(await c.events(m)).toEqual([{ type: 'tier.activity', payload: { memberId: m }, delivered: false, attempts: 1 }]);
    c.peers.member.reportsDown = false;
    await spendSent();
    // The failure set a backoff: a pass now finds nothing due, a pass after it delivers.
    expect(await c.outbox.dispatch(new Date())).toBe(0);
    expect(await c.outbox.dispatch(new Date(Date.now() + 120_000))).toBe(1);
    expect(await c.events(m)).toMatchObject([{ delivered: true }]);
    expect(c.peers.member.reports).toMatchObject([{ memberId: m, spendFen: 12345, purchases: 1 }]);
  });

  it('inside a return window holds the points as pending instead of earning them', async () => {
    const m = c.peers.member.add('m-1');
    await record(order(m, 'O-1'), { ...RULES, returnWindowDays: 7 });
    expect(await c.account(m)).toEqual({ balance: 0, debt: 0 });
    expect(await c.dataSource.query('SELECT order_no, points, released_at FROM points_pending')).toEqual([
      { order_no: 'O-1', points: 123, released_at: null },
    ]);
    expect(await c.scalar('SELECT COUNT(*) FROM outbox_events WHERE event_key = ?', [m])).toBe(1);
  });

  it('a Diamond member’s lot never expires while they are Diamond; others expire when the 12th month after the month earned ends', async () => {
    const diamond = c.peers.member.add('m-d', { tierId: 'DIAMOND', pointsNeverExpire: true });
    const bronze = c.peers.member.add('m-b');
    await record(order(diamond, 'O-1'));
    await record(order(bronze, 'O-2'));
    // Every lot carries its calendar expiry; whether the tier holds it is decided when it falls due.
    const lots = await c.dataSource.query('SELECT member_id, expires_at FROM points_lots ORDER BY member_id');
    expect(lots.map((lot: { expires_at: string }) => new Date(`${String(lot.expires_at).replace(' ', 'T')}Z`).toISOString())).toEqual([
      '2027-03-31T16:00:00.000Z',
      '2027-03-31T16:00:00.000Z',
    ]);
    const due = new Date('2027-04-01T00:00:00Z');
    expect(await expireDueLots(c.dataSource, { member: c.peers.member, rules: RULES }, due)).toEqual({ lots: 1, points: 123 });
    expect(await c.account(diamond)).toEqual({ balance: 123, debt: 0 });
    expect(await c.account(bronze)).toEqual({ balance: 0, debt: 0 });
  });
});

describe('recordOrder with the time the order was placed (orderedAt)', () => {
  // Double 11 in the programme's time zone (UTC+8): a 2.0× campaign for that day only.
  const DOUBLE_11 = { startsAt: new Date('2026-11-11T00:00:00+08:00'), endsAt: new Date('2026-11-12T00:00:00+08:00') };
  const MORNING_AFTER = new Date('2026-11-12T09:00:00+08:00');
  const placed = (orderNo: string, orderedAt: string | null, amount = '1000.00') => ({ ...order('m-1', orderNo, amount), orderedAt });
  const upload = (input: ReturnType<typeof placed>, now = MORNING_AFTER, callerIsAdmin = false) =>
    recordOrder(c.dataSource, c.peers, c.outbox, RULES, { ...input, callerIsAdmin }, 'staff:test', now);

  beforeEach(() => {
    c.peers.member.add('m-1', { tierId: 'GOLD', multiplierMilli: 1500 });
    c.peers.campaign.live('double-11', 2000, DOUBLE_11.startsAt, DOUBLE_11.endsAt);
  });

  it('a POS batch uploaded the morning after Double 11 still earns the campaign: 1,000.00 at Gold in 2.0× → 3,000', async () => {
    const receipt = await upload(placed('B-1', '2026-11-11T21:30:00+08:00'));
    expect(receipt.order).toMatchObject({ pointsEarned: 3000, orderedAt: new Date('2026-11-11T13:30:00Z'), createdAt: MORNING_AFTER });
    expect(c.peers.campaign.askedAt).toEqual([new Date('2026-11-11T13:30:00Z')]);
    // The lot counts from when the points were earned: the order's time.
    expect(await c.dataSource.query('SELECT earned_at FROM points_lots')).toEqual([{ earned_at: '2026-11-11 13:30:00.000' }]);
    // The same order sent without its time is placed now, after the campaign ended.
    expect((await upload(placed('B-2', null))).order.pointsEarned).toBe(1500);
  });

  it('a member upgraded overnight earns at the γ of the order’s time, and at the new one from then on', async () => {
    c.peers.member.held('m-1', new Date('2026-01-01T00:00:00+08:00'), { tierId: 'SILVER', multiplierMilli: 1200 });
    c.peers.member.held('m-1', new Date('2026-11-12T02:00:00+08:00'), { tierId: 'GOLD', multiplierMilli: 1500 });
    // 1,000.00 × 1.2 (Silver, still) × 2.0 = 2,400
    expect((await upload(placed('B-1', '2026-11-11T23:59:00+08:00'))).order.pointsEarned).toBe(2400);
    expect(c.peers.member.askedAt).toEqual([new Date('2026-11-11T15:59:00Z')]);
    // Placed after the upgrade (the campaign is over): 1,000.00 × 1.5 = 1,500
    expect((await upload(placed('B-2', '2026-11-12T08:00:00+08:00'))).order.pointsEarned).toBe(1500);
  });

  it.each([
    ['in the future beyond the clock skew', '2026-11-12T09:06:00+08:00', 'BAD_USER_INPUT'],
    ['more than ORDER_MAX_LATENESS_DAYS (7) back, sent by staff who are not ADMIN', '2026-11-05T08:59:00+08:00', 'FORBIDDEN'],
    ['not an instant with its zone', '2026-11-11 21:30', 'BAD_USER_INPUT'],
  ])('refuses an orderedAt %s (%s) before asking anyone, writing nothing', async (_, orderedAt, code) => {
    const before = await snapshotDatabase(c.dataSource);
    await expect(upload(placed('B-1', orderedAt))).rejects.toMatchObject({ code, details: { field: 'orderedAt' } });
    expect(await snapshotDatabase(c.dataSource)).toEqual(before);
    expect(c.peers.member.asked).toEqual([]);
    expect(c.peers.campaign.askedAt).toEqual([]);
  });

  it('accepts a till clock a little ahead, and exactly 7 days back without an ADMIN', async () => {
    await upload(placed('B-1', '2026-11-12T09:04:00+08:00'));
    await upload(placed('B-2', '2026-11-05T09:00:00+08:00'));
    expect(await c.scalar("SELECT COUNT(*) FROM points_ledger WHERE flag IS NULL AND entry_type = 'EARN'")).toBe(2);
  });

  it('an ADMIN records an older order (up to a year), flagged LATE_ORDER in its ledger entry', async () => {
    const receipt = await upload(placed('B-1', '2026-11-01T12:00:00+08:00'), MORNING_AFTER, true);
    expect(receipt.order.pointsEarned).toBe(1500);
    expect(await c.dataSource.query('SELECT source_ref, points, flag FROM points_ledger')).toEqual([
      { source_ref: 'B-1', points: 1500, flag: 'LATE_ORDER' },
    ]);
    await expect(upload(placed('B-2', '2025-11-01T12:00:00+08:00'), MORNING_AFTER, true)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'orderedAt' },
    });
  });
});

describe('recordOrder with EARN_RISK_CHECK=after-commit', () => {
  const AFTER = { ...RULES, earnRiskCheck: 'after-commit' as const };
  const at = new Date('2026-03-10T08:00:00Z');
  const earnOf = (memberId: string, orderNo: string) => ({
    action: 'EARN',
    memberId,
    amountFen: 12345,
    channel: 'POS',
    idempotencyKey: `EARN:${orderNo}`,
    afterCommit: true,
  });
  /** Waits until the background deliveries (deliverSoon) have sent what is pending for the key. */
  const delivered = async (key: string) => {
    for (let i = 0; i < 1000 && (await c.events(key)).some((e) => !e.delivered && e.attempts === 0); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it('earns without asking risk first; the assessment, written in the same transaction, reaches risk once right after', async () => {
    const m = c.peers.member.add('m-1');
    expect(await record(order(m, 'O-1'), AFTER, at)).toMatchObject({ replayed: false, order: { pointsEarned: 123 } });
    expect(await c.account(m)).toEqual({ balance: 123, debt: 0 });
    await delivered(AFTER_COMMIT_ASSESSMENTS_KEY);
    expect(c.peers.risk.batches).toEqual([[{ ...earnOf(m, 'O-1'), occurredAt: at }]]);
    expect(await c.events(AFTER_COMMIT_ASSESSMENTS_KEY)).toEqual([
      { type: 'risk.assess', payload: { ...earnOf(m, 'O-1'), occurredAt: at.toISOString() }, delivered: true, attempts: 0 },
    ]);
    // The member's own events are the tier activity only, delivered with the earn.
    expect(await c.events(m)).toEqual([{ type: 'tier.activity', payload: { memberId: m }, delivered: true, attempts: 0 }]);
    // A replay writes nothing, so no second assessment; a dispatcher pass finds nothing left to send.
    expect(await record(order(m, 'O-1'), AFTER, at)).toMatchObject({ replayed: true });
    expect(await c.outbox.dispatch(new Date(Date.now() + 120_000))).toBe(0);
    expect(c.peers.risk.assessed.map((a) => a.idempotencyKey)).toEqual(['EARN:O-1']);
  });

  it('costs the earn no statement more than the synchronous check: the assessment goes in the activity event’s INSERT', async () => {
    const m = c.peers.member.add('m-1');
    const notYet = { deliverNow: c.outbox.deliverNow, deliverSoon: () => undefined, deliverSoonTogether: () => undefined };
    await recordOrder(c.dataSource, c.peers, notYet, AFTER, order(m, 'O-1'), 'staff:test', at);
    const before = c.queries.count;
    await recordOrder(c.dataSource, c.peers, notYet, AFTER, order(m, 'O-2'), 'staff:test', at);
    expect(c.queries.count - before).toBe(11);
    expect((await c.events(AFTER_COMMIT_ASSESSMENTS_KEY)).map((e) => e.delivered)).toEqual([false, false]);
    expect(c.peers.risk.assessed).toEqual([]);
  });

  it('sends concurrent earns’ assessments in batches, each exactly once, in the order of their commits', async () => {
    const members = ['m-1', 'm-2', 'm-3', 'm-4', 'm-5'].map((id) => c.peers.member.add(id));
    await Promise.all(members.map((m, i) => record(order(m, `O-${i}`), AFTER, at)));
    await delivered(AFTER_COMMIT_ASSESSMENTS_KEY);
    const sent = c.peers.risk.batches.flat().map((a) => a.idempotencyKey);
    expect([...sent].sort()).toEqual(['EARN:O-0', 'EARN:O-1', 'EARN:O-2', 'EARN:O-3', 'EARN:O-4']);
    const committed = (await c.dataSource.query("SELECT payload FROM outbox_events WHERE type = 'risk.assess' ORDER BY seq")).map(
      (r: { payload: string }) => JSON.parse(r.payload).idempotencyKey,
    );
    expect(sent).toEqual(committed);
  });

  it('a DENY reached after the fact does not take the points back (risk puts it in its review queue)', async () => {
    const m = c.peers.member.add('m-1');
    c.peers.risk.decision = 'DENY';
    expect(await record(order(m, 'O-1'), AFTER, at)).toMatchObject({ replayed: false, order: { pointsEarned: 123 } });
    await delivered(AFTER_COMMIT_ASSESSMENTS_KEY);
    expect(c.peers.risk.assessed).toEqual([{ ...earnOf(m, 'O-1'), occurredAt: at }]);
    expect(await c.account(m)).toEqual({ balance: 123, debt: 0 });
    // Decided: not sent again.
    expect(await c.events(AFTER_COMMIT_ASSESSMENTS_KEY)).toMatchObject([{ delivered: true }]);
  });

  it('with risk down the earn is made and its assessment waits in the outbox; the dispatcher sends it when risk is back', async () => {
    const m = c.peers.member.add('m-1');
    c.peers.risk.down = true;
    expect(await record(order(m, 'O-1'), AFTER, at)).toMatchObject({ replayed: false, order: { pointsEarned: 123 } });
    for (let i = 0; i < 1000 && (await c.events(AFTER_COMMIT_ASSESSMENTS_KEY))[0].attempts === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await c.events(AFTER_COMMIT_ASSESSMENTS_KEY)).toMatchObject([{ type: 'risk.assess', delivered: false, attempts: 1 }]);
    c.peers.risk.down = false;
    expect(await c.outbox.dispatch(new Date(Date.now() + 120_000))).toBe(1);
    expect(c.peers.risk.assessed).toEqual([{ ...earnOf(m, 'O-1'), occurredAt: at }]);
    expect(await c.events(AFTER_COMMIT_ASSESSMENTS_KEY)).toMatchObject([{ delivered: true }]);
  });
});

describe("recordOrder with points' copy of the member's tier", () => {
  const now = new Date('2026-03-10T08:00:00Z');
  let delivered: { now: string[]; soon: string[] };
  /** Records which delivery the earn chose for the member's activity; a deferred one waits until the test delivers it. */
  const watching = () => ({
    deliverNow: (key: string, known?: KnownToDelivery) => (delivered.now.push(key), c.outbox.deliverNow(key, known)),
    // Members' spend goes soon after every earn (publishSpend.int.test.ts): not watched here.
    deliverSoon: () => undefined,
    deliverSoonTogether: (_type: string, key: string) => void delivered.soon.push(key),
  });
  const earn = (memberId: string, orderNo: string, amount: string) =>
    recordOrder(c.dataSource, c.peers, watching(), RULES, order(memberId, orderNo, amount), 'staff:test', now);
  beforeEach(() => {
    delivered = { now: [], soon: [] };
    c.peers.member.versioned = true;
  });

  it('asks member only without a copy, and reports the activity before the answer only when the earn can upgrade (DOMAIN.md §2)', async () => {
    const m = c.peers.member.add('m-1');
    // No copy yet: member is asked (and the answer kept); the report goes before the answer, in doubt.
    await earn(m, 'O-1', '100.00');
    expect(c.peers.member.asked).toEqual([[m]]);
    expect(delivered).toEqual({ now: [m], soon: [] });
    expect(c.peers.member.reports).toHaveLength(1);

    // From the copy: 200.00 over 2 purchases is far from Silver (3,000.00 and 5): reported after the answer.
    const before = c.queries.count;
    expect((await earn(m, 'O-2', '100.00')).order.pointsEarned).toBe(100);
    // Is the order known, the tier copy and the account (one statement), the ledger transaction (7), the 12-month figures: nothing more before the answer.
    expect(c.queries.count - before).toBe(9);
    expect(c.peers.member.asked).toHaveLength(1);
    expect(delivered).toEqual({ now: [m], soon: [m] });
    expect(c.peers.member.reports).toHaveLength(1);
    expect((await c.events(m)).map((e) => e.delivered)).toEqual([true, false]);
    // The deferred delivery sends the figures all the same.
    await c.outbox.deliverNow(m);
    expect(c.peers.member.reports.at(-1)).toMatchObject({ memberId: m, spendFen: 20_000, purchases: 2 });

    await earn(m, 'O-3', '100.00');
    await earn(m, 'O-4', '100.00');
    expect(delivered.now).toEqual([m]);
    // The fifth purchase brings the 12 months to 3,000.00: it can cross Silver's thresholds, so member hears it before the answer.
    await c.outbox.deliverNow(m);
    const upgrade = c.queries.count;
    await earn(m, 'O-5', '2600.00');
    expect(delivered.now).toEqual([m, m]);
    expect(c.peers.member.reports.at(-1)).toMatchObject({ memberId: m, spendFen: 300_000, purchases: 5 });
    // The figures are read once, for the decision, and sent with the earn's event: the order, the copy
    // and the account, the ledger transaction (7), the figures; the delivery's pending events and their marking.
    expect(c.queries.count - upgrade).toBe(11);
  });

  it('reports an order sent with its time before the answer (its tier is the one held then, not the copy)', async () => {
    const m = c.peers.member.add('m-1');
    await earn(m, 'O-1', '100.00');
    await recordOrder(
      c.dataSource,
      c.peers,
      watching(),
      RULES,
      { ...order(m, 'O-2', '100.00'), orderedAt: '2026-03-10T07:00:00Z' },
      'staff:test',
      now,
    );
    expect(delivered).toEqual({ now: [m, m], soon: [] });
  });

  it('decides from the bound of the 12-month figures on the account, without reading them, until the bound could upgrade', async () => {
    const m = c.peers.member.add('m-1');
    // The clock of the outbox's deliveries, which refresh the bound: the earns' own is the same.
    const earnNow = (orderNo: string, amount: string) =>
      recordOrder(c.dataSource, c.peers, watching(), RULES, order(m, orderNo, amount), 'staff:test', new Date());
    const bound = async () =>
      (
        await c.dataSource.query('SELECT bound_spend_fen AS spend, bound_purchases AS purchases FROM points_accounts WHERE member_id = ?', [
          m,
        ])
      ).map((r: { spend: unknown; purchases: unknown }) => [
        r.spend === null ? null : Number(r.spend),
        r.purchases === null ? null : Number(r.purchases),
      ])[0];
    // No tier copy yet: reported before the answer, the delivery reading the figures sets the bound.
    await earnNow('N-1', '100.00');
    expect(await bound()).toEqual([10_000, 1]);
    // Not known (an account from before the bound, or the target of a merge): the next earn reads the figures.
    await c.dataSource.query('UPDATE points_accounts SET bound_spend_fen = NULL, bound_purchases = NULL, bound_since = NULL');
    const first = c.queries.count;
    await earnNow('N-2', '100.00');
    expect(c.queries.count - first).toBe(9);
    expect(await bound()).toEqual([null, null]);
    await c.outbox.deliverNow(m);
    expect(await bound()).toEqual([20_000, 2]);

    // Known: 300.00 over 3 purchases cannot reach Silver (3,000.00 and 5). The order, the copy and the
    // account (1), BEGIN, the guarded update (adding the order to the bound), the entry, the lot, the
    // order, the events, COMMIT (7): 8 before the answer, the figures not read.
    const known = c.queries.count;
    await earnNow('N-3', '100.00');
    expect(c.queries.count - known).toBe(8);
    expect(delivered.soon).toEqual([m, m]);
    expect(await bound()).toEqual([30_000, 3]);
    // The delivery reads the exact figures, equal to the bound: it leaves the bound as it is.
    const delivery = c.queries.count;
    await c.outbox.deliverNow(m);
    expect(c.peers.member.reports.at(-1)).toMatchObject({ memberId: m, spendFen: 30_000, purchases: 3 });
    // The member's pending event, the figures with the account's version and bound, the event marked delivered.
    expect(c.queries.count - delivery).toBe(3);

    await earnNow('N-4', '100.00');
    await c.outbox.deliverNow(m);
    expect(await bound()).toEqual([40_000, 4]);
    // 5 purchases and 3,000.00 with this one: even the bound says it can upgrade, so the figures are read and it goes before the answer.
    const crossing = c.queries.count;
    await earnNow('N-5', '2600.00');
    expect(delivered.now).toEqual([m, m]);
    expect(c.peers.member.reports.at(-1)).toMatchObject({ memberId: m, spendFen: 300_000, purchases: 5 });
    // The order, the copy and the account, the ledger transaction (7), the figures; the delivery's pending events and their marking.
    expect(c.queries.count - crossing).toBe(11);
  });
});

describe("recordOrder with points' campaign calendar", () => {
  const NOW = new Date('2026-03-10T08:00:00Z');
  const week = { startsAt: new Date('2026-03-09T00:00:00Z'), endsAt: new Date('2026-03-16T00:00:00Z') };
  const serve = (campaigns: CalendarCampaign[]) => {
    c.peers.campaign.calendar = servedCalendar(campaigns, new Date(NOW.getTime() - 60_000));
  };

  it('computes an unbudgeted coefficient itself: no call to campaign, the calendar read once for both earns', async () => {
    const m = c.peers.member.add('m-1', { multiplierMilli: 1200 });
    serve([multiplier('double', 2000, week), multiplier('gold only', 3000, week, { targetTiers: ['GOLD'] })]);
    // 123.45 × 1 × 1.2 × 2.0 = 296.28 → 296 (the Gold campaign does not admit a Regular member).
    expect((await record(order(m, 'L-1'), RULES, NOW)).order.pointsEarned).toBe(296);
    expect((await record(order(m, 'L-2'), RULES, NOW)).order.pointsEarned).toBe(296);
    expect(c.peers.campaign.askedAt).toEqual([]);
    expect(c.peers.campaign.calendarReads).toBe(1);
  });

  it('asks campaign when a budgeted campaign admits the order, and for an order older than the calendar holds', async () => {
    const m = c.peers.member.add('m-1');
    serve([multiplier('budgeted', 2000, week, { budgeted: true })]);
    c.peers.campaign.coefficientMilli = 2000;
    c.peers.campaign.budgetPoints = 1000;
    const receipt = await record(order(m, 'B-1', '100.00'), RULES, NOW);
    expect(receipt.order.pointsEarned).toBe(200);
    expect(c.peers.campaign.reservations.get('B-1')).toMatchObject({ points: 100 });
    serve([multiplier('double', 2000, week)]);
    campaignCalendarChanged(c.dataSource);
    const late = { ...order(m, 'B-2', '100.00'), orderedAt: new Date(NOW.getTime() - 3_600_000).toISOString() };
    await recordOrder(c.dataSource, c.peers, c.outbox, RULES, late, 'staff:test', NOW);
    expect(c.peers.campaign.askedAt).toEqual([NOW, new Date(NOW.getTime() - 3_600_000)]);
  });

  it('with the calendar read hung, concurrent earns ask campaign after CALENDAR_WAIT_MS, not after the read; the read once answered serves later earns', async () => {
    const m = c.peers.member.add('m-1');
    c.peers.campaign.coefficientMilli = 1500;
    const rules = { ...RULES, campaignCalendarTtlMs: 600_000 };
    let answer!: () => void;
    c.peers.campaign.calendarHeld = new Promise((resolve) => (answer = resolve));
    // Without the bound these earns would wait for the read, which never answers here.
    const earned = await Promise.all(['H-1', 'H-2', 'H-3'].map((no) => record(order(m, no, '100.00'), rules, NOW)));
    expect(earned.map((r) => r.order.pointsEarned)).toEqual([150, 150, 150]);
    expect(c.peers.campaign.askedAt).toHaveLength(3);
    // The late read is not tried again by each earn: one read in all.
    expect((await record(order(m, 'H-4', '100.00'), rules, NOW)).order.pointsEarned).toBe(150);
    expect(c.peers.campaign.calendarReads).toBe(1);
    // The read answers at last: the calendar it brings serves the next earn, no call.
    serve([multiplier('double', 2000, week)]);
    answer();
    await new Promise((resolve) => setImmediate(resolve));
    expect((await record(order(m, 'H-5', '100.00'), rules, NOW)).order.pointsEarned).toBe(200);
    expect(c.peers.campaign.askedAt).toHaveLength(4);
    expect(c.peers.campaign.calendarReads).toBe(1);
  });

  it('without a calendar (campaign down) asks campaign as before, and does not try the calendar again until the TTL or the event', async () => {
    const m = c.peers.member.add('m-1');
    c.peers.campaign.coefficientMilli = 1500;
    const rules = { ...RULES, campaignCalendarTtlMs: 600_000 };
    expect((await record(order(m, 'D-1', '100.00'), rules, NOW)).order.pointsEarned).toBe(150);
    expect((await record(order(m, 'D-2', '100.00'), rules, NOW)).order.pointsEarned).toBe(150);
    expect(c.peers.campaign.askedAt).toHaveLength(2);
    expect(c.peers.campaign.calendarReads).toBe(1);
    serve([multiplier('one and a half', 1500, week)]);
    campaignCalendarChanged(c.dataSource);
    expect((await record(order(m, 'D-3', '100.00'), rules, NOW)).order.pointsEarned).toBe(150);
    expect(c.peers.campaign.askedAt).toHaveLength(2);
    expect(c.peers.campaign.calendarReads).toBe(2);
  });
});
