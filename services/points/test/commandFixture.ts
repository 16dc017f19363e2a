import type { DataSource } from 'typeorm';
import { openCommandDatabase, type CommandDatabase } from '../../../test/harness/commandDatabase';
import { outboxEvents, type StoredEvent } from '../../../test/harness/outboxEvents';
import { createLogger, type Outbox } from '../../kit/src';
import type { OrderAnnouncer } from '../src/commands/announceOrders';
import { createPointsEvents } from '../src/events';
import type { EventDelivery } from '../src/ports';
import { pointsSchema } from '../src/db/data-source';
import { MemoryBenefits, memoryPeers, type MemoryPeers } from './memoryPorts';

export { RULES } from '../src/commands/__tests__/pointsFixture';

/** What a points command runs against in a command test: its real schema, in-memory peers and the real outbox. */
export interface PointsCommands extends CommandDatabase {
  peers: MemoryPeers;
  /** Where the outbox sends members' spend (only the outbox calls benefits). */
  benefits: MemoryBenefits;
  /** The service's outbox as server.ts builds it (no dispatcher: tests call dispatch()). */
  outbox: Outbox;
  /** The announcer of orders that carry their own announcements (no sweep: tests call announce()). */
  announcer: OrderAnnouncer;
  /** The outbox and the announcer as the service gives them to commands (a quiet earn's order carries its announcements). */
  delivery: EventDelivery;
  /** A key's outbox events in enqueue order. */
  events(key: string): Promise<StoredEvent[]>;
  /** One row's balance and debt, or null without an account. */
  account(memberId: string): Promise<{ balance: number; debt: number } | null>;
  scalar(sql: string, parameters?: unknown[]): Promise<number>;
}

export async function openPointsCommands(): Promise<PointsCommands> {
  const db = await openCommandDatabase(pointsSchema);
  const peers = memoryPeers();
  const benefits = new MemoryBenefits();
  const logger = createLogger('points-command-test', 'silent');
  // As server.ts builds them, without the dispatcher or the sweep (tests call dispatch() and announce()).
  const events = createPointsEvents({ dataSource: db.dataSource, peers, benefits, logger, intervalMs: 0 });
  const { outbox, announcer } = events;
  const query = (sql: string, parameters: unknown[] = []) => (db.dataSource as DataSource).query(sql, parameters);
  return {
    ...db,
    peers,
    benefits,
    outbox,
    announcer,
    delivery: events.delivery,
    events: (key) => outboxEvents(db.dataSource, key),
    account: async (memberId) => {
      const [row] = await query('SELECT balance, debt FROM points_accounts WHERE member_id = ?', [memberId]);
      return row ? { balance: Number(row.balance), debt: Number(row.debt) } : null;
    },
    scalar: async (sql, parameters = []) => Number(Object.values((await query(sql, parameters))[0])[0]),
    close: async () => {
      await events.stop();
      await db.close();
    },
  };
}
