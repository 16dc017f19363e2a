import { spendAt, type SpendWindow } from '../spendWindow';

const DAY = 86_400_000;
const asOf = new Date('2026-06-01T00:00:00.000Z');
const day = (n: number) => asOf.getTime() + n * DAY;
const window: SpendWindow = {
  memberId: 'm-1',
  asOf,
  windowMs: 365 * DAY,
  orders: [
    { orderedAtMs: day(-300), netFen: 50_000, counted: true },
    { orderedAtMs: day(-100), netFen: 0, counted: false }, // wholly refunded
    { orderedAtMs: day(-10), netFen: 7_000, counted: true },
  ],
};

describe('spendAt: points’ rolling figures from the window it sent, at any later instant', () => {
  it('at asOf: every order of the window, net, purchases not wholly refunded, the latest placed (refunded or not)', () => {
    expect(spendAt(window, asOf)).toEqual({ spendFen: 57_000, purchases: 2, lastPurchaseAt: new Date(day(-10)) });
  });

  it('as time passes, orders leave the window when they are older than it, exactly at its edge (ordered_at >= now − window)', () => {
    const edge = new Date(day(-300) + 365 * DAY);
    expect(spendAt(window, edge)).toMatchObject({ spendFen: 57_000, purchases: 2 });
    expect(spendAt(window, new Date(edge.getTime() + 1))).toEqual({ spendFen: 7_000, purchases: 1, lastPurchaseAt: new Date(day(-10)) });
  });

  it('a wholly refunded order still counts as the latest placed while it is in the window, never as a purchase', () => {
    const refundedLast: SpendWindow = { ...window, orders: [{ orderedAtMs: day(-5), netFen: 0, counted: false }] };
    expect(spendAt(refundedLast, asOf)).toEqual({ spendFen: 0, purchases: 0, lastPurchaseAt: new Date(day(-5)) });
  });

  it('with every order gone (or none sent): zeros and no last purchase, as points answers a member without orders', () => {
    expect(spendAt(window, new Date(day(400)))).toEqual({ spendFen: 0, purchases: 0, lastPurchaseAt: null });
    expect(spendAt({ ...window, orders: [] }, asOf)).toEqual({ spendFen: 0, purchases: 0, lastPurchaseAt: null });
  });
});
