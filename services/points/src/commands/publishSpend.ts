import type { DataSource } from 'typeorm';
import type { NewOutboxEvent, OutboxHandler } from '../../../kit/src';
import { SPEND_WINDOW_MS } from '../db/spendStats';
import { spendWindows } from '../db/spendWindows';
import type { BenefitsPort } from '../ports';

/*
 * Members' spend reaches the benefits service, which ranks a member's benefits by it, from the
 * outbox: an order, a refund or a merge enqueues a spend event in its own transaction (in the same
 * INSERT as its other events), and after the commit the outbox sends the figures of every member
 * with a pending event in one RecordSpendStats call, off the request path. The figures are read at
 * delivery, absolute and stamped with when they were read, so a redelivery or two replicas sending
 * at once leave benefits with the newest.
 */

/** The outbox event saying a member's spend changed. */
export const SPEND_TOPIC = 'benefits.spend';

/**
 * The outbox key of every spend event: one key, so the outbox delivers the pending ones together
 * (one read, one call for many members), and never with a member's own events.
 */
export const SPEND_EVENTS_KEY = 'benefits.spend';

/** Members a RecordSpendStats call carries at most (benefits' limit; a delivery reads at most 500 events anyway). */
const MEMBERS_PER_CALL = 500;

/**
 * Orders a call carries at most (about 25 bytes each on the wire): members with long histories are
 * split over several calls, so no batch nears gRPC's 4 MB message limit (a call refused for its
 * size would hold every later spend event back). A single member's window always goes whole.
 */
const ORDERS_PER_CALL = 20_000;

/** The spend event of a member, for a command that enqueues it with its others in one statement (enqueueOutboxEvents). */
export function spendEvent(memberId: string, now: Date): NewOutboxEvent<{ memberId: string }> {
  return { type: SPEND_TOPIC, key: SPEND_EVENTS_KEY, payload: { memberId }, at: now };
}

/**
 * Sends the members' windows as they are now. The time is read before the orders, so every change
 * committed before it is in them; the outbox reads which events are pending before this runs, so
 * the figures include every change those events announced.
 */
export function spendHandler(
  dataSource: DataSource,
  benefits: BenefitsPort,
  options: { clock?: () => Date; ordersPerCall?: number } = {},
): OutboxHandler {
  const { clock = () => new Date(), ordersPerCall = ORDERS_PER_CALL } = options;
  return async (events) => {
    const memberIds = [...new Set(events.map((event) => (event.payload as { memberId: string }).memberId))];
    for (let from = 0; from < memberIds.length; from += MEMBERS_PER_CALL) {
      const batch = memberIds.slice(from, from + MEMBERS_PER_CALL);
      const asOf = clock();
      const windows = await spendWindows(dataSource, batch, asOf);
      const reports = batch.map((memberId, i) => ({ memberId, asOf, windowMs: SPEND_WINDOW_MS, orders: windows[i] }));
      for (const call of byOrderCount(reports, ordersPerCall)) await benefits.recordSpendStats(call);
    }
  };
}

/** Consecutive runs of `reports` of at most `limit` orders each (a report over the limit alone). */
function byOrderCount<R extends { orders: readonly unknown[] }>(reports: readonly R[], limit: number): R[][] {
  const calls: R[][] = [];
  let orders = 0;
  for (const report of reports) {
    const last = calls[calls.length - 1];
    if (last && orders + report.orders.length <= limit) {
      last.push(report);
      orders += report.orders.length;
    } else {
      calls.push([report]);
      orders = report.orders.length;
    }
  }
  return calls;
}
