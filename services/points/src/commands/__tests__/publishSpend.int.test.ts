import { openPointsCommands, RULES, type PointsCommands } from '../../../test/commandFixture';
import { spendStats, SPEND_WINDOW_MS } from '../../db/spendStats';
import { mergeAccounts } from '../mergeAccounts';
import { SPEND_EVENTS_KEY, spendHandler } from '../publishSpend';
import { recordOrder } from '../recordOrder';
import { refundOrder } from '../refundOrder';

let c: PointsCommands;
beforeEach(async () => {
  c = await openPointsCommands();
});
afterEach(() => c.close());

const at = (iso: string) => new Date(iso);
const order = (memberId: string, orderNo: string, amount: string, orderedAt?: string) =>
  recordOrder(c.dataSource, c.peers, c.outbox, RULES, { memberId, orderNo, amount, channel: 'WEB', orderedAt }, 'staff:test');
const refund = (orderNo: string, refundNo: string, amount: string) =>
  refundOrder(c.dataSource, { orderNo, refundNo, amount }, c.outbox, RULES, 'staff:test');
/** Until every spend event is delivered (or has failed once). */
const sent = async () => {
  for (let i = 0; i < 1000 && (await c.events(SPEND_EVENTS_KEY)).some((e) => !e.delivered && e.attempts === 0); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
/** The latest window benefits received for a member. */
const lastWindow = (memberId: string) =>
  c.benefits.calls
    .flat()
    .filter((w) => w.memberId === memberId)
    .at(-1);

describe('members’ spend, sent to benefits from the outbox', () => {
  it('an earn enqueues its spend event with its other events and sends, right after the commit, every order of the window with when it was read', async () => {
    const m = c.peers.member.add('m-1');
    const before = Date.now();
    await order(m, 'O-1', '100.00');
    await sent();
    expect(await c.events(SPEND_EVENTS_KEY)).toEqual([{ type: 'benefits.spend', payload: { memberId: m }, delivered: true, attempts: 0 }]);
    const window = lastWindow(m)!;
    expect(window).toMatchObject({ memberId: m, windowMs: SPEND_WINDOW_MS, orders: [{ netFen: 10000, counted: true }] });
    expect(window.asOf.getTime()).toBeGreaterThanOrEqual(before);
    // The order's own time, as spendStats reads it.
    const [stats] = await spendStats(c.dataSource, [m], window.asOf);
    expect(window.orders[0].orderedAt).toEqual(stats.lastPurchaseAt);
  });

  it('a refund sends the lowered figures: net of the refund, and a wholly refunded order no purchase (but still the latest placed)', async () => {
    const m = c.peers.member.add('m-1');
    await order(m, 'O-1', '100.00');
    await order(m, 'O-2', '50.00');
    await refund('O-1', 'R-1', '30.00');
    await refund('O-2', 'R-2', '50.00');
    await sent();
    const window = lastWindow(m)!;
    const byNet = [...window.orders].sort((a, b) => a.netFen - b.netFen);
    expect(byNet.map((o) => [o.netFen, o.counted])).toEqual([
      [0, false],
      [7000, true],
    ]);
    expect(await spendStats(c.dataSource, [m], window.asOf)).toEqual([
      { spendFen: 7000, purchases: 1, lastPurchaseAt: new Date(Math.max(...window.orders.map((o) => o.orderedAt.getTime()))) },
    ]);
  });

  it('leaves out orders placed before the window, as spendStats does', async () => {
    const m = c.peers.member.add('m-1');
    // Recorded late by an admin: placed 400 days ago, outside the rolling 12 months.
    const old = new Date(Date.now() - 400 * 86_400_000).toISOString();
    await recordOrder(
      c.dataSource,
      c.peers,
      c.outbox,
      { ...RULES, orderMaxLatenessDays: 1000 },
      { memberId: m, orderNo: 'O-OLD', amount: '10.00', channel: 'WEB', orderedAt: old, callerIsAdmin: true },
      'staff:test',
    );
    await order(m, 'O-NEW', '20.00');
    await sent();
    expect(lastWindow(m)!.orders.map((o) => o.netFen)).toEqual([2000]);
  });

  it('the pending events of many members go out as one call, each member once, however many events each has', async () => {
    const members = ['m-1', 'm-2', 'm-3', 'm-4', 'm-5', 'm-6'].map((id) => c.peers.member.add(id));
    const later = { deliverNow: c.outbox.deliverNow, deliverSoon: () => undefined, deliverSoonTogether: () => undefined };
    for (const [i, m] of members.entries()) {
      for (const n of [1, 2])
        await recordOrder(
          c.dataSource,
          c.peers,
          later,
          RULES,
          { memberId: m, orderNo: `O-${i}-${n}`, amount: '10.00', channel: 'WEB' },
          'staff:test',
        );
    }
    await c.outbox.deliverNow(SPEND_EVENTS_KEY);
    expect(c.benefits.calls).toHaveLength(1);
    expect(c.benefits.calls[0].map((w) => [w.memberId, w.orders.length])).toEqual(members.map((m) => [m, 2]));
    expect((await c.events(SPEND_EVENTS_KEY)).every((e) => e.delivered)).toBe(true);
  });

  it('splits a batch over calls by its orders, never a member’s window', async () => {
    const later = { deliverNow: c.outbox.deliverNow, deliverSoon: () => undefined, deliverSoonTogether: () => undefined };
    const counts = [2, 2, 5, 1];
    const members = counts.map((_, i) => c.peers.member.add(`m-${i}`));
    for (const [i, m] of members.entries()) {
      for (let n = 0; n < counts[i]; n++) {
        await recordOrder(
          c.dataSource,
          c.peers,
          later,
          RULES,
          { memberId: m, orderNo: `O-${i}-${n}`, amount: '1.00', channel: 'WEB' },
          'staff:test',
        );
      }
    }
    const events = members.map((memberId, i) => ({
      id: `e-${i}`,
      type: 'benefits.spend',
      version: 1,
      key: SPEND_EVENTS_KEY,
      payload: { memberId },
      createdAt: new Date(),
    }));
    await spendHandler(c.dataSource, c.benefits, { ordersPerCall: 4 })(events);
    expect(c.benefits.calls.map((call) => call.map((w) => [w.memberId, w.orders.length]))).toEqual([
      [
        ['m-0', 2],
        ['m-1', 2],
      ],
      [['m-2', 5]],
      [['m-3', 1]],
    ]);
    // One read for the whole batch: every call carries the same asOf.
    expect(new Set(c.benefits.calls.flat().map((w) => w.asOf.getTime())).size).toBe(1);
  });

  it('with benefits down the earn is made; the events wait and the dispatcher sends the figures as they are then', async () => {
    const m = c.peers.member.add('m-1');
    c.benefits.down = true;
    expect(await order(m, 'O-1', '10.00')).toMatchObject({ replayed: false });
    await sent();
    expect(await c.events(SPEND_EVENTS_KEY)).toMatchObject([{ delivered: false, attempts: 1 }]);
    c.benefits.down = false;
    expect(await c.outbox.dispatch(new Date(Date.now() + 120_000))).toBeGreaterThanOrEqual(1);
    expect(lastWindow(m)!.orders.map((o) => o.netFen)).toEqual([1000]);
  });

  it('a merge sends both members: the target with the source’s orders, the source with none', async () => {
    const source = c.peers.member.add('m-source');
    const target = c.peers.member.add('m-target');
    await order(source, 'O-S', '80.00');
    await order(target, 'O-T', '20.00');
    await sent();
    await mergeAccounts(
      c.dataSource,
      { mergeId: 'merge-1', sourceMemberId: source, targetMemberId: target },
      'service:member',
      at('2026-03-10T08:00:00Z'),
    );
    // A merge is not on a till's path: the dispatcher delivers its events.
    await c.outbox.dispatch(new Date(Date.now() + 1000));
    expect(lastWindow(source)!.orders).toEqual([]);
    expect(
      lastWindow(target)!
        .orders.map((o) => o.netFen)
        .sort(),
    ).toEqual([2000, 8000]);
  });
});
