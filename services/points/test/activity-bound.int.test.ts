/**
 * The bound of each member's 12-month figures kept on their points account (db/activityBound.ts)
 * against the figures themselves: after any sequence of earns (at once, inside the return window,
 * placed long ago), refunds, merges, time passing and refreshes, a known bound that answers for the
 * 12 months is ≥ the figures, and an earn that reports after its answer could not have upgraded its
 * member; and so under one member's concurrent earns racing the refreshes.
 */
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { upgradeTarget, type QueryCounter } from '../../kit/src';
import { mergeAccounts } from '../src/commands/mergeAccounts';
import { recordOrder } from '../src/commands/recordOrder';
import { refundOrder } from '../src/commands/refundOrder';
import { boundCovers, readFiguresForRefresh, refreshBounds, spendStatsRefreshingBounds, type ActivityBound } from '../src/db/activityBound';
import { spendStats } from '../src/db/spendStats';
import type { EventDelivery } from '../src/ports';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { pointsSchema } from '../src/db/data-source';
import { RULES } from './commandFixture';
import { memoryPeers, type MemoryPeers } from './memoryPorts';

// On the suite's database (SQLite, or MySQL with DATABASE_URL): the races below need MySQL's row locks to mean anything.
let dataSource: DataSource;
let close: () => Promise<void>;
let queries: QueryCounter;
let peers: MemoryPeers;
beforeAll(async () => {
  ({ dataSource, close, queries } = await openServiceTestDatabase(pointsSchema));
  peers = memoryPeers();
  // Points keeps a copy of each member's tier, so earns decide from the ladder it holds (and the bound).
  peers.member.versioned = true;
});
afterAll(() => close());

const DAY = 86_400_000;
const START = new Date('2026-03-10T08:00:00Z');
const PENDING_RULES = { ...RULES, returnWindowDays: 14 };

async function boundOf(memberId: string): Promise<ActivityBound | undefined> {
  const [row] = await dataSource.query(
    'SELECT bound_spend_fen AS spend, bound_purchases AS purchases, bound_since AS since FROM points_accounts WHERE member_id = ?',
    [memberId],
  );
  if (!row || row.spend === null) return undefined;
  const since = row.since instanceof Date ? row.since : new Date(`${String(row.since).replace(' ', 'T')}Z`);
  return { spendFen: Number(row.spend), purchases: Number(row.purchases), since };
}

/** Every known bound that answers for the 12 months ending `now` is ≥ the member's figures then. */
async function expectBoundsAbove(memberIds: readonly string[], now: Date): Promise<void> {
  const figures = await spendStats(dataSource, memberIds, now);
  for (const [i, memberId] of memberIds.entries()) {
    const bound = await boundOf(memberId);
    if (!bound || !boundCovers(bound, now)) continue;
    expect({ memberId, spendFen: bound.spendFen >= figures[i].spendFen, purchases: bound.purchases >= figures[i].purchases }).toEqual({
      memberId,
      spendFen: true,
      purchases: true,
    });
  }
}

/**
 * Deliveries the earns ask for, recorded, not made (so only the test's refreshes set bounds, at the
 * test's clock); a report sent after the answer is checked at once: the member's figures could not upgrade them.
 */
function watchedDelivery(now: () => Date): EventDelivery & { after: number } {
  const watched = {
    after: 0,
    deliverNow: async () => undefined,
    deliverSoon: () => undefined,
    deliverSoonTogether: (_type: string, memberId: string) => {
      watched.after += 1;
      pendingChecks.push(
        (async () => {
          const [figures] = await spendStats(dataSource, [memberId], now());
          const ladder = await peers.member.listTiers();
          // Every member here stays on the entry tier (nothing is delivered to member): could these figures move them up?
          expect({ memberId, upgrade: upgradeTarget(ladder[0], ladder, figures)?.tierId ?? null }).toEqual({ memberId, upgrade: null });
        })(),
      );
    },
  };
  return watched;
}
let pendingChecks: Array<Promise<void>> = [];

const member = fc.integer({ min: 0, max: 2 });
const amount = fc.integer({ min: 1, max: 300_000 }).map((fen) => (fen / 100).toFixed(2));
const step = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('earn' as const), member, amount }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('backdated' as const), member, amount, daysBack: fc.integer({ min: 1, max: 364 }) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('pending' as const), member, amount }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), share: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('merge' as const), from: member, into: member }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('time' as const), days: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('refresh' as const), member }) },
);

describe('the bound of the 12-month figures on the points account', () => {
  let run = 0;
  it('stays ≥ the figures after any earns, refunds, merges, pending earns, time passing and refreshes; an earn reported after its answer could not upgrade', async () => {
    let skipped = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        run += 1;
        const members = [0, 1, 2].map((i) => peers.member.add(`b${run}-${i}`));
        const merged = new Set<string>();
        const orders: Array<{ orderNo: string; leftFen: number }> = [];
        let now = START;
        pendingChecks = [];
        const events = watchedDelivery(() => now);
        for (const [i, s] of steps.entries()) {
          if (s.kind === 'earn' || s.kind === 'backdated' || s.kind === 'pending') {
            const memberId = members[s.member];
            if (merged.has(memberId)) continue;
            const orderNo = `B${run}-${i}`;
            const input = {
              memberId,
              orderNo,
              amount: s.amount,
              channel: 'POS',
              ...(s.kind === 'backdated'
                ? { orderedAt: new Date(now.getTime() - s.daysBack * DAY).toISOString(), callerIsAdmin: true }
                : {}),
            };
            await recordOrder(dataSource, peers, events, s.kind === 'pending' ? PENDING_RULES : RULES, input, 'staff:test', now);
            orders.push({ orderNo, leftFen: Math.round(Number(s.amount) * 100) });
          } else if (s.kind === 'refund' && orders.length > 0) {
            const order = orders[s.pick % orders.length];
            const fen = Math.max(1, Math.floor((order.leftFen * s.share) / 100));
            if (order.leftFen < fen) continue;
            order.leftFen -= fen;
            await refundOrder(
              dataSource,
              { orderNo: order.orderNo, refundNo: `R${run}-${i}`, amount: (fen / 100).toFixed(2) },
              events,
              RULES,
              'staff:test',
              now,
            );
          } else if (s.kind === 'merge') {
            const [from, into] = [members[s.from], members[s.into]];
            if (from === into || merged.has(from) || merged.has(into)) continue;
            await mergeAccounts(dataSource, { mergeId: `M${run}-${i}`, sourceMemberId: from, targetMemberId: into }, 'staff:test', now);
            merged.add(from);
          } else if (s.kind === 'time') {
            now = new Date(now.getTime() + s.days * DAY);
          } else if (s.kind === 'refresh') {
            await spendStatsRefreshingBounds(dataSource, [members[s.member]], now);
          }
          await expectBoundsAbove(members, now);
        }
        await Promise.all(pendingChecks);
        skipped += events.after;
      }),
      { numRuns: 100 },
    );
    // Not vacuous: earns did decide from the bound.
    expect(skipped).toBeGreaterThan(0);
  });

  it("a merge makes the target's bound unknown: the source's orders are the target's now", async () => {
    const [from, into] = [peers.member.add('merge-from'), peers.member.add('merge-into')];
    const events = watchedDelivery(() => START);
    for (const [memberId, orderNo] of [
      [from, 'MERGE-1'],
      [into, 'MERGE-2'],
    ]) {
      await recordOrder(dataSource, peers, events, RULES, { memberId, orderNo, amount: '100.00', channel: 'POS' }, 'staff:test', START);
    }
    await spendStatsRefreshingBounds(dataSource, [from, into], START);
    expect(await boundOf(into)).toMatchObject({ spendFen: 10_000, purchases: 1 });
    await mergeAccounts(dataSource, { mergeId: 'MERGE-B', sourceMemberId: from, targetMemberId: into }, 'staff:test', START);
    expect(await boundOf(into)).toBeUndefined();
    await expectBoundsAbove([from, into], START);
  });

  it('a refresh whose figures were read before an earn committed writes nothing: the bound keeps the earn’s order', async () => {
    const memberId = peers.member.add('guard-1');
    const events = watchedDelivery(() => START);
    const earnOne = (orderNo: string, rules = RULES) =>
      recordOrder(dataSource, peers, events, rules, { memberId, orderNo, amount: '100.00', channel: 'POS' }, 'staff:test', START);
    await earnOne('GUARD-1');
    await spendStatsRefreshingBounds(dataSource, [memberId], START);
    // A refund lowers the figures below the bound: the next refresh has something to write.
    await refundOrder(dataSource, { orderNo: 'GUARD-1', refundNo: 'GUARD-R1', amount: '50.00' }, events, RULES, 'staff:test', START);
    for (const [orderNo, rules] of [
      ['GUARD-2', RULES],
      ['GUARD-3', PENDING_RULES],
    ] as const) {
      // The refresh reads (before the earn), the earn commits (at once, or inside the return window), then the refresh writes.
      const read = await readFiguresForRefresh(dataSource, [memberId], START);
      await earnOne(orderNo, rules);
      await refreshBounds(dataSource, read.rows, read.since);
      await expectBoundsAbove([memberId], START);
    }
    // Read after the earns, the refresh writes: the bound is the figures again.
    await spendStatsRefreshingBounds(dataSource, [memberId], START);
    expect(await boundOf(memberId)).toMatchObject({ spendFen: 25_000, purchases: 3 });
  });

  it('one refresh of many members writes each bound by its own guard: a member whose earn committed after the read keeps that earn', async () => {
    const ids = ['multi-1', 'multi-2', 'multi-3'].map((id) => peers.member.add(id));
    const events = watchedDelivery(() => START);
    const earn = (memberId: string, orderNo: string) =>
      recordOrder(dataSource, peers, events, RULES, { memberId, orderNo, amount: '100.00', channel: 'POS' }, 'staff:test', START);
    for (const [i, memberId] of ids.entries()) await earn(memberId, `MULTI-${i}`);
    await spendStatsRefreshingBounds(dataSource, ids, START);
    // Refunds lower every member's figures below their bounds: the refresh has three bounds to write.
    for (const i of ids.keys()) {
      await refundOrder(
        dataSource,
        { orderNo: `MULTI-${i}`, refundNo: `MULTI-R${i}`, amount: '40.00' },
        events,
        RULES,
        'staff:test',
        START,
      );
    }
    const read = await readFiguresForRefresh(dataSource, ids, START);
    // The second member earns between the read and the write: their bound must keep the new order.
    await earn(ids[1], 'MULTI-LATE');
    // The refresh's own statements (a background statement of the earn may land meanwhile): one for the three.
    const sent = jest.spyOn(queries, 'logQuery');
    await refreshBounds(dataSource, read.rows, read.since);
    const refreshes = sent.mock.calls.filter(([sql]) => sql?.startsWith('UPDATE points_accounts SET bound_spend_fen'));
    sent.mockRestore();
    expect(refreshes).toHaveLength(1);
    expect(await boundOf(ids[0])).toMatchObject({ spendFen: 6_000, purchases: 1 });
    expect(await boundOf(ids[1])).toMatchObject({ spendFen: 20_000, purchases: 2 });
    expect(await boundOf(ids[2])).toMatchObject({ spendFen: 6_000, purchases: 1 });
    await expectBoundsAbove(ids, START);
  });

  it("one member's concurrent earns racing refreshes: the bound stays ≥ the figures, and ends equal to them after a last refresh", async () => {
    const memberId = peers.member.add('race-1');
    const now = new Date();
    const events = watchedDelivery(() => now);
    pendingChecks = [];
    await recordOrder(
      dataSource,
      peers,
      events,
      RULES,
      { memberId, orderNo: 'RACE-0', amount: '10.00', channel: 'POS' },
      'staff:test',
      now,
    );
    await spendStatsRefreshingBounds(dataSource, [memberId], now);
    const earns = Array.from({ length: 16 }, (_, i) =>
      recordOrder(
        dataSource,
        peers,
        events,
        RULES,
        { memberId, orderNo: `RACE-${i + 1}`, amount: '10.00', channel: 'POS' },
        'staff:test',
        now,
      ),
    );
    const refreshes = Array.from({ length: 8 }, async () => {
      await spendStatsRefreshingBounds(dataSource, [memberId], now);
      await expectBoundsAbove([memberId], now);
    });
    await Promise.all([...earns, ...refreshes]);
    await Promise.all(pendingChecks);
    const [figures] = await spendStats(dataSource, [memberId], now);
    expect(figures).toMatchObject({ spendFen: 17 * 1000, purchases: 17 });
    const bound = await boundOf(memberId);
    expect(bound!.spendFen).toBeGreaterThanOrEqual(figures.spendFen);
    expect(bound!.purchases).toBeGreaterThanOrEqual(figures.purchases);
    await spendStatsRefreshingBounds(dataSource, [memberId], now);
    expect(await boundOf(memberId)).toMatchObject({ spendFen: 17 * 1000, purchases: 17 });
  });
});
