import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxTable, dropOutboxTable, OutboxEventSchema } from '../../services/kit/src/outbox';
import { ORDERS_TO_ANNOUNCE } from '../../services/points/src/commands/announceOrders';
import { Order } from '../../services/points/src/db/entities/Order';

/** A service whose only table is the outbox: what a new service's first migration creates. */
class CreateOutbox1700000000000 implements MigrationInterface {
  name = 'CreateOutbox1700000000000';
  up = (queryRunner: QueryRunner) => createOutboxTable(queryRunner);
  down = (queryRunner: QueryRunner) => dropOutboxTable(queryRunner);
}

/** The schema of that service, for the kit's outbox tests. */
export const OUTBOX_ONLY_SCHEMA = { entities: [OutboxEventSchema], migrations: [CreateOutbox1700000000000] };

export interface StoredEvent {
  type: string;
  payload: unknown;
  delivered: boolean;
  attempts: number;
}

/** A key's events in a service's outbox, in enqueue order, as a command test checks them. */
export async function outboxEvents(dataSource: DataSource, key: string): Promise<StoredEvent[]> {
  const rows: Array<{ type: string; payload: string; delivered_at: unknown; attempts: number | string }> = await dataSource.query(
    'SELECT type, payload, delivered_at, attempts FROM outbox_events WHERE event_key = ? ORDER BY seq',
    [key],
  );
  return rows.map((row) => ({
    type: row.type,
    payload: JSON.parse(row.payload),
    delivered: row.delivered_at !== null,
    attempts: Number(row.attempts),
  }));
}

/**
 * Until no outbox of these services holds an undelivered event, and points holds no order still to
 * be announced (announceOrders.ts), twice in a row (a delivery may enqueue another service's event:
 * member's tier events after points' reports): on a quiet stack, the moment the background
 * deliveries of what a test did before have all run, so counting a request's statements from then
 * on counts its own. Polled, bounded.
 */
export async function outboxesSettled(dataSources: readonly DataSource[]): Promise<void> {
  const pending = async () => {
    let count = 0;
    for (const dataSource of dataSources) {
      const [row] = await dataSource.query('SELECT COUNT(*) AS n FROM outbox_events WHERE delivered_at IS NULL');
      count += Number(row.n);
      if (dataSource.hasMetadata(Order)) count += await unannouncedOrders(dataSource);
    }
    return count;
  };
  for (let settled = 0, i = 0; settled < 2; i++) {
    if (i >= 400) throw new Error('the outboxes did not deliver their pending events');
    settled = (await pending()) === 0 ? settled + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Points' orders whose announcements are still to be made (announceOrders.ts). */
export async function unannouncedOrders(points: DataSource): Promise<number> {
  const [row] = await points.query(`SELECT COUNT(*) AS n FROM ${ORDERS_TO_ANNOUNCE.table} WHERE ${ORDERS_TO_ANNOUNCE.pending}`);
  return Number(row.n);
}
