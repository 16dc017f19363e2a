import type { DataSource } from 'typeorm';
import { DomainError, parseMemberId } from '../../../kit/src';
import { recordSpendWindows } from '../db/memberSpend';
import type { SpendWindow } from '../domain/spendWindow';

/** Members a call may carry (the points outbox sends at most this many). */
export const MAX_SPEND_WINDOWS = 500;

const refuse = (message: string, field: string) => new DomainError('BAD_USER_INPUT', message, { field });

/**
 * Records the points service's spend windows (RecordSpendStats), each replacing only an older one
 * of its member. A member named twice keeps the newer window. Idempotent: the same windows again
 * change nothing.
 */
export async function recordSpendStats(dataSource: DataSource, windows: readonly SpendWindow[]): Promise<void> {
  if (windows.length > MAX_SPEND_WINDOWS) throw refuse(`at most ${MAX_SPEND_WINDOWS} members a call`, 'members');
  const newest = new Map<string, SpendWindow>();
  for (const window of windows) {
    parseMemberId(window.memberId, 'members.memberId');
    if (!(window.asOf.getTime() > 0)) throw refuse('asOf must be a time', 'members.asOf');
    if (!(window.windowMs > 0)) throw refuse('windowMs must be positive', 'members.windowMs');
    for (const order of window.orders) {
      if (!Number.isSafeInteger(order.netFen) || order.netFen < 0)
        throw refuse('netFen must be a whole number ≥ 0', 'members.orders.netFen');
      if (!(order.orderedAtMs > 0)) throw refuse('orderedAt must be a time', 'members.orders.orderedAt');
    }
    const held = newest.get(window.memberId);
    if (!held || window.asOf > held.asOf) newest.set(window.memberId, window);
  }
  await recordSpendWindows(dataSource, [...newest.values()]);
}
