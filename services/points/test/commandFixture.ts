import type { DataSource } from 'typeorm';
import { openCommandDatabase, type CommandDatabase } from '../../../test/harness/commandDatabase';
import { outboxEvents, type StoredEvent } from '../../../test/harness/outboxEvents';
import { createLogger, createOutbox, type Outbox } from '../../kit/src';
import { LATE_ASSESSMENT_TOPIC, lateAssessmentHandler } from '../src/commands/assessRisk';
import { POINTS_EXPIRING, pointsExpiringHandler } from '../src/commands/noticeExpiringPoints';
import { BUDGET_RETURN_TOPIC, budgetReturnHandler } from '../src/commands/returnCampaignBudget';
import { ACTIVITY_TOPIC, activityBatchHandler, activityHandler } from '../src/commands/publishActivity';
import { SPEND_TOPIC, spendHandler } from '../src/commands/publishSpend';
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
  const outbox = createOutbox({
    dataSource: db.dataSource,
    handlers: {
      [ACTIVITY_TOPIC]: activityHandler(db.dataSource, peers.member),
      [POINTS_EXPIRING]: pointsExpiringHandler(logger),
      [LATE_ASSESSMENT_TOPIC]: lateAssessmentHandler(peers.risk),
      [BUDGET_RETURN_TOPIC]: budgetReturnHandler(db.dataSource, peers.campaign),
      [SPEND_TOPIC]: spendHandler(db.dataSource, benefits),
    },
    batchHandlers: { [ACTIVITY_TOPIC]: activityBatchHandler(db.dataSource, peers.member) },
    logger,
    intervalMs: 0,
  });
  const query = (sql: string, parameters: unknown[] = []) => (db.dataSource as DataSource).query(sql, parameters);
  return {
    ...db,
    peers,
    benefits,
    outbox,
    events: (key) => outboxEvents(db.dataSource, key),
    account: async (memberId) => {
      const [row] = await query('SELECT balance, debt FROM points_accounts WHERE member_id = ?', [memberId]);
      return row ? { balance: Number(row.balance), debt: Number(row.debt) } : null;
    },
    scalar: async (sql, parameters = []) => Number(Object.values((await query(sql, parameters))[0])[0]),
    close: async () => {
      await outbox.stop();
      await db.close();
    },
  };
}
