import { openPointsCommands, RULES, type PointsCommands } from '../../../test/commandFixture';
import { movePoints } from '../movePoints';
import { offsetCheckout } from '../offsetCheckout';
import { recordOrder } from '../recordOrder';
import { refundOrder } from '../refundOrder';

let c: PointsCommands;
let m: string;
beforeEach(async () => {
  c = await openPointsCommands();
  m = c.peers.member.add('m-1');
});
afterEach(() => c.close());

const order = (orderNo: string, amount: string, rules = RULES) =>
  recordOrder(c.dataSource, c.peers, c.outbox, rules, { memberId: m, orderNo, amount, channel: 'WEB' }, 'staff:test');
const refund = (orderNo: string, refundNo: string, amount: string) =>
  refundOrder(c.dataSource, { orderNo, refundNo, amount }, c.outbox, RULES, 'staff:test');

describe('refundOrder', () => {
  it('claws back in proportion, cumulatively over partial refunds, and reports the lower figures', async () => {
    await order('O-1', '100.00'); // 100 points
    expect(await refund('O-1', 'R-1', '33.33')).toMatchObject({ replayed: false, refund: { pointsClawed: 33, debtAdded: 0 } });
    // floor(100 × 66.66 / 100) = 66 in all: 33 more, not floor(33.33) twice.
    expect(await refund('O-1', 'R-2', '33.33')).toMatchObject({ refund: { pointsClawed: 33 } });
    expect(await refund('O-1', 'R-3', '33.34')).toMatchObject({ refund: { pointsClawed: 34 } });
    expect(await c.account(m)).toEqual({ balance: 0, debt: 0 });
    expect(await c.scalar("SELECT COUNT(*) FROM points_ledger WHERE entry_type = 'CLAWBACK'")).toBe(3);
    const events = await c.events(m);
    const activity = events.filter((e) => e.type === 'tier.activity');
    expect(activity).toHaveLength(4);
    expect(activity.every((e) => e.delivered)).toBe(true);
    // Every refund reaches risk as a REFUND signal (earn-then-refund farming), from the outbox.
    expect(events.filter((e) => e.type !== 'tier.activity')).toMatchObject(
      ['R-1', 'R-2', 'R-3'].map((refundNo) => ({
        type: 'risk.assess',
        delivered: true,
        payload: { action: 'REFUND', idempotencyKey: `REFUND:${refundNo}` },
      })),
    );
    expect(c.peers.risk.assessed.filter((a) => a.action === 'REFUND').map((a) => a.amountFen)).toEqual([3333, 3333, 3334]);
    expect(c.peers.member.reports.at(-1)).toMatchObject({ spendFen: 0, purchases: 0 });
  });

  it('tells the tier engine when each refunded order was placed (its return-window rule); an order report says nothing of refunds', async () => {
    const placed = new Date('2026-05-01T03:00:00Z');
    await recordOrder(
      c.dataSource,
      c.peers,
      c.outbox,
      RULES,
      { memberId: m, orderNo: 'O-1', amount: '100.00', channel: 'WEB' },
      'staff:test',
      placed,
    );
    expect(c.peers.member.reports.at(-1)).not.toHaveProperty('refundedOrdersAt');
    await refund('O-1', 'R-1', '40.00');
    expect(c.peers.member.reports.at(-1)).toMatchObject({ spendFen: 6000, purchases: 1, refundedOrdersAt: [placed] });
  });

  it('turns what the balance cannot cover into debt', async () => {
    await order('O-1', '100.00');
    await movePoints(c.dataSource, {
      memberId: m,
      points: -80,
      entryType: 'REDEEM',
      source: 'CHECKOUT',
      sourceRef: 'O-9',
      reason: 'spent',
      idempotencyKey: 'DEBIT:spent-80',
      actor: m,
    });
    expect(await refund('O-1', 'R-1', '100.00')).toMatchObject({ refund: { pointsClawed: 100, debtAdded: 80 } });
    expect(await c.account(m)).toEqual({ balance: 0, debt: 80 });
  });

  it('is exactly once by refundNo: a replay answers the first refund, other details are CONFLICT', async () => {
    await order('O-1', '100.00');
    await refund('O-1', 'R-1', '10.00');
    expect(await refund('O-1', 'R-1', '10.00')).toMatchObject({ replayed: true, refund: { pointsClawed: 10 } });
    await expect(refund('O-1', 'R-1', '20.00')).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'refundNo' } });
    const racing = await Promise.all([refund('O-1', 'R-2', '5.00'), refund('O-1', 'R-2', '5.00')]);
    expect(racing.map((r) => r.replayed).sort()).toEqual([false, true]);
    expect(await c.account(m)).toEqual({ balance: 85, debt: 0 });
  });

  it('refuses a bad refundNo or amount, an unknown order and refunds beyond the order, writing nothing', async () => {
    await order('O-1', '100.00');
    await expect(refund('O-1', 'bad refund', '1.00')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'refundNo' } });
    await expect(refund('O-1', 'R-1', '0.00')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'amount' } });
    await expect(refund('O-404', 'R-1', '1.00')).rejects.toMatchObject({ code: 'NOT_FOUND', details: { field: 'orderNo' } });
    await expect(refund('O-1', 'R-1', '100.01')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'amount' } });
    expect(await c.scalar('SELECT COUNT(*) FROM points_refunds')).toBe(0);
    expect(await c.account(m)).toEqual({ balance: 100, debt: 0 });
    expect(await c.events(m)).toHaveLength(1);
  });

  it("claws back the refunded order's own lot first, then the oldest: a refund never swaps old points for fresh ones", async () => {
    const at = (iso: string) => new Date(iso);
    const placed = (orderNo: string, amount: string, when: string) =>
      recordOrder(c.dataSource, c.peers, c.outbox, RULES, { memberId: m, orderNo, amount, channel: 'WEB' }, 'staff:test', at(when));
    await placed('O-OLD', '100.00', '2026-01-10T04:00:00Z'); // lot expires 2027-02-01 (UTC+8)
    await placed('O-NEW', '100.00', '2026-03-10T04:00:00Z'); // lot expires 2027-04-01
    await placed('O-NEWER', '50.00', '2026-04-10T04:00:00Z');
    await refund('O-NEW', 'R-1', '50.00');
    const lots = async () =>
      (await c.dataSource.query('SELECT order_no AS o, remaining AS r FROM points_lots ORDER BY earned_at')).map(
        (l: { o: string; r: number }) => `${l.o}:${Number(l.r)}`,
      );
    expect(await lots()).toEqual(['O-OLD:100', 'O-NEW:50', 'O-NEWER:50']);
    // More than the own lot holds (it was partly spent): the rest comes from the oldest.
    await movePoints(c.dataSource, {
      memberId: m,
      points: -120,
      entryType: 'REDEEM',
      source: 'CHECKOUT',
      sourceRef: 'O-9',
      reason: 'spent',
      idempotencyKey: 'DEBIT:spent-120',
      actor: m,
    }); // takes O-OLD's 100 and 20 of O-NEW
    await refund('O-NEWER', 'R-2', '50.00');
    expect(await lots()).toEqual(['O-OLD:0', 'O-NEW:30', 'O-NEWER:0']);
    await refund('O-NEW', 'R-3', '50.00'); // 50 points: its own 30, then the oldest with points (none left elsewhere)
    expect(await c.account(m)).toEqual({ balance: 0, debt: 20 });
  });

  it('gives checkout offsets on the order back in proportion, exactly once per refundNo, keeping the lots’ expiry unless it has passed', async () => {
    const at = (iso: string) => new Date(iso);
    const placed = (orderNo: string, amount: string, when: string) =>
      recordOrder(c.dataSource, c.peers, c.outbox, RULES, { memberId: m, orderNo, amount, channel: 'WEB' }, 'staff:test', at(when));
    await placed('O-1', '100.00', '2026-01-10T04:00:00Z'); // 100 points, expiring 2027-02-01 (UTC+8)
    await placed('O-2', '200.00', '2026-03-10T04:00:00Z'); // 200 points, expiring 2027-04-01
    const pay = { memberId: m, orderNo: 'O-2', offset: '1.50', idempotencyKey: 'offset-o2-1' };
    await offsetCheckout(
      c.dataSource,
      { member: c.peers.member, risk: c.peers.risk },
      RULES.pointsPerCnyOffset,
      pay,
      m,
      at('2026-03-10T05:00:00Z'),
    );
    expect(await c.account(m)).toEqual({ balance: 150, debt: 0 }); // 100 from O-1's lot, 50 from O-2's
    const refundAt = (refundNo: string, amount: string, when: string) =>
      refundOrder(c.dataSource, { orderNo: 'O-2', refundNo, amount }, c.outbox, RULES, 'staff:test', at(when));

    // Half: 100 points clawed back (O-2's own lot), floor(150 × ½) = 75 of the offset given back with O-1's expiry.
    expect(await refundAt('R-1', '100.00', '2026-04-01T00:00:00Z')).toMatchObject({ refund: { pointsClawed: 100, pointsReturned: 75 } });
    expect(await refundAt('R-1', '100.00', '2026-04-02T00:00:00Z')).toMatchObject({ replayed: true, refund: { pointsReturned: 75 } });
    const reversals = () =>
      c.dataSource.query(
        "SELECT e.points, l.expires_at AS expires FROM points_ledger e JOIN points_lots l ON l.entry_id = e.id WHERE e.entry_type = 'REVERSAL' ORDER BY e.created_at, l.expires_at",
      );
    const when = (rows: Array<{ points: number; expires: string | Date }>) =>
      rows.map((r) => [r.points, new Date(r.expires instanceof Date ? r.expires : `${r.expires.replace(' ', 'T')}Z`).toISOString()]);
    expect(when(await reversals())).toEqual([[75, '2027-01-31T16:00:00.000Z']]);
    expect(await c.account(m)).toEqual({ balance: 125, debt: 0 });

    // The rest, after O-1's lot expired: its last 25 take the standard expiry, O-2's 50 keep theirs.
    expect(await refundAt('R-2', '100.00', '2027-03-01T00:00:00Z')).toMatchObject({ refund: { pointsClawed: 100, pointsReturned: 75 } });
    expect(when(await reversals())).toEqual([
      [75, '2027-01-31T16:00:00.000Z'],
      [50, '2027-03-31T16:00:00.000Z'],
      [25, '2028-03-31T16:00:00.000Z'],
    ]);
    expect(await c.scalar('SELECT points_returned FROM points_order_offsets')).toBe(150);
    // Nothing left to refund: a third refund is refused and writes nothing.
    const entries = await c.scalar('SELECT COUNT(*) FROM points_ledger');
    await expect(refundAt('R-3', '0.01', '2027-03-02T00:00:00Z')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'amount' },
    });
    expect(await c.scalar('SELECT COUNT(*) FROM points_ledger')).toBe(entries);
    const balance = (await c.account(m))!.balance;
    expect(await c.scalar('SELECT SUM(points) FROM points_ledger')).toBe(balance);
    expect(await c.scalar('SELECT SUM(remaining) FROM points_lots')).toBe(balance);
  });

  it('inside the return window reduces the points held instead of the balance', async () => {
    await order('O-1', '100.00', { ...RULES, returnWindowDays: 7 });
    expect(await refund('O-1', 'R-1', '40.00')).toMatchObject({ refund: { pointsClawed: 40, debtAdded: 0 } });
    expect(await c.scalar("SELECT points FROM points_pending WHERE order_no = 'O-1'")).toBe(60);
    expect(await c.account(m)).toEqual({ balance: 0, debt: 0 });
    expect(await c.scalar('SELECT COUNT(*) FROM points_ledger')).toBe(0);
  });
});
