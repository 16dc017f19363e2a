import type { SpendSignals } from './ranking';

/*
 * The points service's spend figures kept here, so Member.benefits ranks without asking points on
 * every card. Points sends, after each change of a member's orders, every order of the member's
 * rolling window as it read them (`asOf`); the figures GetSpendStats would answer at any later
 * instant, until the member's next change, are these orders less those that have since left the
 * window. So the figures age here exactly as they do in points, with no new event as time passes.
 */

/** One order inside the window, as points counts it. */
export interface WindowOrder {
  orderedAtMs: number;
  /** Amount net of refunds, in fen. */
  netFen: number;
  /** Not wholly refunded: a purchase. */
  counted: boolean;
}

/** A member's orders in points' rolling window at `asOf` (a window of `windowMs`). */
export interface SpendWindow {
  memberId: string;
  asOf: Date;
  windowMs: number;
  orders: WindowOrder[];
}

/**
 * The figures of the window at `now` (not before `asOf`): points' spendStats over the same orders —
 * placed at or after now − windowMs, spend net of refunds, purchases not wholly refunded, and the
 * latest placed among them (wholly refunded ones too, as points' MAX(ordered_at) does).
 */
export function spendAt(window: SpendWindow, now: Date): SpendSignals {
  const since = now.getTime() - window.windowMs;
  let spendFen = 0;
  let purchases = 0;
  let last = -Infinity;
  for (const order of window.orders) {
    if (order.orderedAtMs < since) continue;
    spendFen += order.netFen;
    if (order.counted) purchases += 1;
    if (order.orderedAtMs > last) last = order.orderedAtMs;
  }
  return { spendFen, purchases, lastPurchaseAt: last === -Infinity ? null : new Date(last) };
}
