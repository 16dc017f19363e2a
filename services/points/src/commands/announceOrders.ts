import type { DataSource } from 'typeorm';
import {
  asOutboxEvent,
  byKey,
  enqueueOutboxEvents,
  findByPlainSql,
  metricsOf,
  outsideTransaction,
  queryByPlainSql,
  runEvery,
  type Logger,
  type NewOutboxEvent,
  type OutboxBatchHandler,
  type OutboxEvent,
  type OutboxHandler,
  type PendingCarrier,
} from '../../../kit/src';
import { Order } from '../db/entities/Order';
import type { EarnFigures, EventDelivery, OrderAnnouncements } from '../ports';
import { AFTER_COMMIT_ASSESSMENTS_KEY, afterCommitAssessment, earnAction } from './assessRisk';
import { ACTIVITY_TOPIC, activityEvent } from './publishActivity';
import { SPEND_EVENTS_KEY, spendEvent } from './publishSpend';

/*
 * An earn's announcements ride on its order row. An earn whose assessment goes to risk after the
 * commit (EARN_RISK_CHECK=after-commit, the default) announces three things, all of which follow
 * from the order alone: the member's activity (to member), their spend (to benefits) and the earn's
 * assessment (to risk). Rather than write them as outbox events in its transaction — one statement
 * more on every earn — it writes its order with `announced_at` NULL: the order row, committed with
 * the ledger, is the durable record that they are still to be made. After the commit the announcer
 * reads the unannounced orders in one statement, hands the very events the outbox would have
 * carried to the outbox's own handlers (one batch each), and marks the orders announced in one
 * UPDATE. An earn that can upgrade its member reports before its answer as before, straight to the
 * activity handler (`reportNow`), and its order announces the activity again after (figures are
 * absolute: the repeat changes nothing). The events of a handler that fails are
 * written to the outbox instead, which retries them with its backoff: an order is marked only once
 * its events were delivered or are in the outbox. A process that stops between an earn's commit and
 * that mark leaves its order unannounced, and the sweep (every outbox interval, on every replica)
 * announces what has waited longer than SWEEP_AFTER_MS. At least once, as the outbox: every handler
 * is idempotent (figures are absolute and read at delivery, an assessment is keyed by its earn).
 */

/** The condition of an order whose announcements are still to be made (also counted in the outbox's gauges). */
const UNANNOUNCED = 'announced_at IS NULL';

/** Orders points' outbox gauges count among its pending events (OutboxOptions.carriers). */
export const ORDERS_TO_ANNOUNCE: PendingCarrier = { table: 'orders', pending: UNANNOUNCED };

/** Orders one announcement reads at most; a full read goes again at once. */
const ORDERS_PER_ANNOUNCEMENT = 500;

/** How long an order may wait for its announcement before the sweep takes it (its earn's own announcement came well before). */
export const SWEEP_AFTER_MS = 10_000;

/** The handlers the announcer hands an order's events to: the outbox's own for the same events. */
export interface AnnouncementHandlers {
  /** One member's activity, with figures already read (`reportNow`). */
  report: OutboxHandler;
  activity: OutboxBatchHandler;
  spend: OutboxHandler;
  assessments: OutboxHandler;
}

/** `soon` announces in the background, with the outbox's linger. */
export interface OrderAnnouncer extends OrderAnnouncements {
  /** Announces the unannounced orders (those recorded before `recordedBefore`, when given); returns how many it read. */
  announce(recordedBefore?: Date): Promise<number>;
  /** Stops the sweep (the outbox's stop ends a background announcement). */
  stop(): Promise<void>;
}

export function createOrderAnnouncer(options: {
  dataSource: DataSource;
  outbox: Pick<EventDelivery, 'deliverSoon' | 'deliverSoonTogether'> & { runSoon(name: string, work: () => Promise<unknown>): void };
  handlers: AnnouncementHandlers;
  logger: Logger;
  /** How often the sweep runs (the outbox dispatcher's interval; 0: never). */
  intervalMs: number;
}): OrderAnnouncer {
  const { dataSource, outbox, handlers, logger } = options;
  const deliveries = metricsOf(dataSource)?.outboxDeliveries;

  /** One group of the orders' events: how a batch delivers it, and how the outbox takes it on when that fails. */
  const kinds: Array<{
    eventsOf(order: Order): NewOutboxEvent;
    deliver(events: OutboxEvent[]): Promise<void>;
    retry(events: readonly NewOutboxEvent[]): void;
  }> = [
    {
      eventsOf: (order) => activityEvent(order.memberId, order.createdAt),
      deliver: (events) => handlers.activity.deliver([...byKey(events)].map(([key, run]) => ({ key, events: run }))),
      retry: (events) => new Set(events.map((event) => event.key)).forEach((key) => outbox.deliverSoonTogether(ACTIVITY_TOPIC, key)),
    },
    {
      eventsOf: (order) => spendEvent(order.memberId, order.createdAt),
      deliver: (events) => handlers.spend(events),
      retry: () => outbox.deliverSoon(SPEND_EVENTS_KEY),
    },
    {
      eventsOf: (order) => afterCommitAssessment(earnAction(order), order.createdAt),
      deliver: (events) => handlers.assessments(events),
      retry: () => outbox.deliverSoon(AFTER_COMMIT_ASSESSMENTS_KEY),
    },
  ];

  async function announceOnce(recordedBefore?: Date): Promise<number> {
    // Read before the handlers run, as the outbox does: the figures they read then include every order
    // read here. Outside any transaction (here and below): on SQLite's one connection a statement sent
    // while an earn's transaction is open would see its uncommitted order, or join it.
    const orders = await outsideTransaction(dataSource, (manager) =>
      findByPlainSql(
        manager,
        Order,
        `WHERE ${UNANNOUNCED}${recordedBefore ? ' AND created_at < :recordedBefore' : ''} ORDER BY created_at LIMIT ${ORDERS_PER_ANNOUNCEMENT}`,
        { recordedBefore },
      ),
    );
    if (!orders.length) return 0;
    const groups = kinds.map((kind) => ({ kind, events: orders.map((order) => kind.eventsOf(order)) }));
    const outcomes = await Promise.allSettled(groups.map(({ kind, events }) => kind.deliver(events.map((event) => asOutboxEvent(event)))));
    const failed = groups.filter((_, i) => outcomes[i].status === 'rejected');
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.status === 'rejected')
        logger.warn({ err: outcome.reason, type: groups[i].events[0].type }, 'announcements go to the outbox');
      deliveries?.inc({ outcome: outcome.status === 'fulfilled' ? 'delivered' : 'failed' }, orders.length);
    }
    // What was not delivered goes to the outbox before the orders are marked: it is never only in memory.
    if (failed.length) {
      await outsideTransaction(dataSource, (manager) =>
        enqueueOutboxEvents(
          manager,
          failed.flatMap(({ events }) => events),
        ),
      );
    }
    await outsideTransaction(dataSource, (manager) =>
      queryByPlainSql(manager, `UPDATE orders SET announced_at = :at WHERE order_no IN (:...orderNos) AND ${UNANNOUNCED}`, {
        at: new Date(),
        orderNos: orders.map((order) => order.orderNo),
      }),
    );
    for (const { kind, events } of failed) kind.retry(events);
    return orders.length;
  }

  async function announce(recordedBefore?: Date): Promise<number> {
    let read = 0;
    for (let last = ORDERS_PER_ANNOUNCEMENT; last >= ORDERS_PER_ANNOUNCEMENT; read += last) last = await announceOnce(recordedBefore);
    return read;
  }

  const sweep = runEvery(
    options.intervalMs,
    async () => void (await announce(new Date(Date.now() - SWEEP_AFTER_MS))),
    (error) => logger.warn({ err: error }, 'orders not announced yet; the next sweep retries'),
  );

  return {
    soon: () => outbox.runSoon('orders.announce', () => announce()),
    reportNow: (memberId: string, figures?: EarnFigures) =>
      handlers
        .report([asOutboxEvent(activityEvent(memberId, figures?.asOf ?? new Date()))], figures)
        .catch((error: unknown) =>
          logger.warn({ err: error, memberId }, 'activity report not delivered before the answer; its order announces it after'),
        ),
    announce,
    stop: () => sweep.stop(),
  };
}
