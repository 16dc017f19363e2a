import { openPointsCommands, RULES, type PointsCommands } from '../../../test/commandFixture';
import { recordOrder } from '../recordOrder';
import { refundOrder } from '../refundOrder';
import { releasePendingPoints } from '../releasePendingPoints';

let c: PointsCommands;
let m: string;
const recordedAt = new Date('2026-03-10T08:00:00Z');
const WINDOW = { ...RULES, returnWindowDays: 7 };
beforeEach(async () => {
  c = await openPointsCommands();
  m = c.peers.member.add('m-1');
});
afterEach(() => c.close());

const order = (orderNo: string, amount: string) =>
  recordOrder(c.dataSource, c.peers, c.outbox, WINDOW, { memberId: m, orderNo, amount, channel: 'POS' }, 'staff:test', recordedAt);
const days = (n: number) => new Date(recordedAt.getTime() + n * 86_400_000);

describe('releasePendingPoints', () => {
  it('earns an order’s held points once its return window passed, once, keyed like an immediate earn', async () => {
    await order('O-1', '100.00');
    expect(await releasePendingPoints(c.dataSource, days(6))).toEqual({ orders: 0, points: 0 });
    expect(await releasePendingPoints(c.dataSource, days(7))).toEqual({ orders: 1, points: 100 });
    expect(await releasePendingPoints(c.dataSource, days(8))).toEqual({ orders: 0, points: 0 });
    expect(await c.account(m)).toEqual({ balance: 100, debt: 0 });
    expect(await c.dataSource.query('SELECT entry_type, points, idempotency_key, actor FROM points_ledger')).toEqual([
      { entry_type: 'EARN', points: 100, idempotency_key: 'ORDER:O-1', actor: 'system' },
    ]);
    expect(await c.scalar('SELECT COUNT(*) FROM points_lots WHERE member_id = ?', [m])).toBe(1);
  });

  it('releases what a refund inside the window left, and nothing for a full refund', async () => {
    await order('O-1', '100.00');
    await order('O-2', '30.00');
    await refundOrder(c.dataSource, { orderNo: 'O-1', refundNo: 'R-1', amount: '25.00' }, c.outbox, RULES, 'staff:test', days(1));
    await refundOrder(c.dataSource, { orderNo: 'O-2', refundNo: 'R-2', amount: '30.00' }, c.outbox, RULES, 'staff:test', days(1));
    expect(await releasePendingPoints(c.dataSource, days(7), 1)).toEqual({ orders: 2, points: 75 });
    expect(await c.account(m)).toEqual({ balance: 75, debt: 0 });
    expect(await c.scalar('SELECT COUNT(*) FROM points_pending WHERE released_at IS NULL')).toBe(0);
  });

  it('keeps a late order flagged LATE_ORDER when its held points are released', async () => {
    // Placed 10 days before it was recorded: more than ORDER_MAX_LATENESS_DAYS (7), so an ADMIN recorded it.
    const placedAt = new Date(recordedAt.getTime() - 10 * 86_400_000).toISOString();
    await recordOrder(
      c.dataSource,
      c.peers,
      c.outbox,
      { ...WINDOW, returnWindowDays: 30 },
      { memberId: m, orderNo: 'LATE-1', amount: '100.00', channel: 'POS', orderedAt: placedAt, callerIsAdmin: true },
      'staff:admin',
      recordedAt,
    );
    await order('O-1', '50.00');
    expect(await releasePendingPoints(c.dataSource, days(30))).toEqual({ orders: 2, points: 150 });
    expect(await c.dataSource.query('SELECT source_ref, points, flag FROM points_ledger ORDER BY source_ref')).toEqual([
      { source_ref: 'LATE-1', points: 100, flag: 'LATE_ORDER' },
      { source_ref: 'O-1', points: 50, flag: null },
    ]);
  });
});
