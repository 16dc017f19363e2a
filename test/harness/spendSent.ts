import type { DataSource } from 'typeorm';
import { SPEND_EVENTS_KEY } from '../../services/points/src/commands/publishSpend';
import { outboxEvents, unannouncedOrders } from './outboxEvents';

/**
 * Until the points service has sent benefits every pending spend event (RecordSpendStats, in the
 * background after each commit: from the outbox, or from the orders that carry their announcements):
 * on a quiet stack, the moment Member.benefits ranks by the figures of every order and refund so far.
 */
export async function spendSent(points: DataSource): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if ((await outboxEvents(points, SPEND_EVENTS_KEY)).every((e) => e.delivered) && (await unannouncedOrders(points)) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the points outbox did not send the spend events');
}
