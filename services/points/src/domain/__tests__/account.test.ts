import fc from 'fast-check';
import {
  clawbackForRefund,
  expiryOf,
  fifo,
  lastDayBefore,
  planBurn,
  planClawback,
  planEarn,
  planExpiry,
  type AccountState,
  type Lot,
  type Plan,
} from '../account';

/** Applies a plan to an in-memory account, as db/ledger.ts applies it to the database. */
function apply(state: AccountState, lots: Lot[], plan: Plan, at: Date): { state: AccountState; lots: Lot[]; entries: number[] } {
  const next = lots.map((lot) => (plan.lotChanges.has(lot.id) ? { ...lot, remaining: plan.lotChanges.get(lot.id)! } : lot));
  if (plan.newLot && plan.newLot.points > 0)
    next.push({ id: `lot${next.length}`, remaining: plan.newLot.remaining, earnedAt: at, expiresAt: null });
  return { state: plan.after, lots: next, entries: plan.entries.map((e) => e.points) };
}

const command = fc.oneof(
  fc.record({ kind: fc.constant('earn' as const), points: fc.integer({ min: 0, max: 500 }) }),
  fc.record({ kind: fc.constant('burn' as const), points: fc.integer({ min: 1, max: 500 }) }),
  fc.record({ kind: fc.constant('clawback' as const), points: fc.integer({ min: 0, max: 500 }) }),
  fc.record({ kind: fc.constant('expire' as const), pick: fc.nat() }),
);

describe('account plans keep the ledger invariants over any history', () => {
  it('balance ≥ 0, debt ≥ 0, balance == Σ lots == Σ entries, and a refused burn changes nothing', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
        let state: AccountState = { balance: 0, debt: 0 };
        let lots: Lot[] = [];
        let ledger = 0;
        commands.forEach((c, i) => {
          const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000);
          let plan: Plan;
          if (c.kind === 'earn') plan = planEarn(state, c.points, 'earn');
          else if (c.kind === 'clawback') plan = planClawback(state, lots, c.points, 'refund');
          else if (c.kind === 'burn') {
            if (c.points > state.balance) {
              expect(() => planBurn(state, lots, c.points, 'REDEEM', 'burn')).toThrow(
                expect.objectContaining({ code: 'INSUFFICIENT_POINTS' }),
              );
              return;
            }
            plan = planBurn(state, lots, c.points, 'REDEEM', 'burn');
          } else {
            const open = fifo(lots);
            if (open.length === 0) return;
            plan = planExpiry(state, open[c.pick % open.length], 'expired');
          }
          const before = state;
          const result = apply(state, lots, plan, at);
          ({ state, lots } = result);
          ledger += result.entries.reduce((a, b) => a + b, 0);
          expect(state.balance - before.balance).toBe(result.entries.reduce((a, b) => a + b, 0));
          expect(state.balance).toBeGreaterThanOrEqual(0);
          expect(state.debt).toBeGreaterThanOrEqual(0);
          expect(lots.reduce((sum, l) => sum + l.remaining, 0)).toBe(state.balance);
          for (const lot of lots) expect(lot.remaining).toBeGreaterThanOrEqual(0);
        });
        expect(ledger).toBe(state.balance);
      }),
      { numRuns: 500 },
    );
  });
});

describe('individual rules', () => {
  const lots: Lot[] = [
    { id: 'b', remaining: 50, earnedAt: new Date('2026-02-01'), expiresAt: null },
    { id: 'a', remaining: 30, earnedAt: new Date('2026-01-01'), expiresAt: null },
  ];

  it('burns take from the oldest lot first', () => {
    expect(planBurn({ balance: 80, debt: 0 }, lots, 40, 'REDEEM', 'r').lotChanges).toEqual(
      new Map([
        ['a', 0],
        ['b', 40],
      ]),
    );
  });

  it('a clawback beyond the balance empties it and records the rest as debt', () => {
    const plan = planClawback({ balance: 80, debt: 5 }, lots, 100, 'refund');
    expect(plan.after).toEqual({ balance: 0, debt: 25 });
    expect(plan.entries).toEqual([expect.objectContaining({ entryType: 'CLAWBACK', points: -80 })]);
  });

  it('an earn pays debt back first, with its own entry, and only the rest stays available in the lot', () => {
    const plan = planEarn({ balance: 0, debt: 25 }, 100, 'order');
    expect(plan.after).toEqual({ balance: 75, debt: 0 });
    expect(plan.entries.map((e) => [e.entryType, e.points, e.keySuffix])).toEqual([
      ['EARN', 100, ''],
      ['CLAWBACK', -25, ':DEBT'],
    ]);
    expect(plan.newLot).toEqual({ points: 100, remaining: 75 });
  });

  it('claws back refunds in proportion, cumulatively, never more than was earned', () => {
    // An order of 300.00 that earned 360 points, refunded 100.00 then 200.00.
    const first = clawbackForRefund(360, 30_000, 0, 10_000, 0);
    expect(first).toBe(120);
    expect(clawbackForRefund(360, 30_000, 10_000, 20_000, first)).toBe(240);
    // Odd splits never lose or invent a point: floor of the cumulative share.
    const a = clawbackForRefund(100, 30_000, 0, 10_000, 0);
    const b = clawbackForRefund(100, 30_000, 10_000, 10_000, a);
    const c = clawbackForRefund(100, 30_000, 20_000, 10_000, a + b);
    expect([a, b, c]).toEqual([33, 33, 34]);
    expect(() => clawbackForRefund(100, 30_000, 20_000, 10_001, 66)).toThrow(/cannot exceed/);
  });

  it('points expire at the end of the 12th month after the month earned, in China time', () => {
    // Earned 15 March 2026 → usable through 31 March 2027 (Asia/Shanghai).
    const expires = expiryOf(new Date('2026-03-15T10:00:00Z'), 12, 480);
    expect(expires.toISOString()).toBe('2027-03-31T16:00:00.000Z');
    expect(lastDayBefore(expires, 480)).toBe('2027-03-31');
    // 31 Jan 20:00 UTC is already 1 February in China: it counts as a February earn.
    expect(expiryOf(new Date('2026-01-31T20:00:00Z'), 12, 480).toISOString()).toBe('2027-02-28T16:00:00.000Z');
  });
});
