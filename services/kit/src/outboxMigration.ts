import { Table, TableIndex, type QueryRunner } from 'typeorm';
import { createOutboxTable, dropOutboxTable } from './outbox';

/*
 * Member and points each had their own outbox table (`outbox`: id, topic, member_id, created_at,
 * delivered_at, attempts) before the kit's. Their migrations onto the kit's table keep every
 * undelivered event, and `down` puts them back. Delivered rows were only history and are not kept.
 */

const LEGACY = 'outbox';

/** An undelivered event of the legacy table, as read back. */
export interface LegacyOutboxRow {
  id: string;
  topic: string;
  member_id: string;
  /** A string on SQLite, a Date on MySQL: written back as read. */
  created_at: string | Date;
}

/**
 * Creates the kit's outbox table, moves the legacy table's undelivered events into it (keyed by
 * member, with the payload `payloadOf` gives, in their original order) and drops the legacy table.
 */
export async function replaceLegacyOutbox(queryRunner: QueryRunner, payloadOf: (row: LegacyOutboxRow) => Promise<unknown>): Promise<void> {
  await createOutboxTable(queryRunner);
  const pending: LegacyOutboxRow[] = await queryRunner.query(
    `SELECT id, topic, member_id, created_at FROM ${LEGACY} WHERE delivered_at IS NULL ORDER BY created_at, id`,
  );
  for (const row of pending) {
    await queryRunner.query(
      `INSERT INTO outbox_events (id, type, version, event_key, payload, created_at, delivered_at, attempts, next_attempt_at, last_error)
       VALUES (?, ?, 1, ?, ?, ?, NULL, 0, ?, NULL)`,
      [row.id, row.topic, row.member_id, JSON.stringify(await payloadOf(row)), row.created_at, row.created_at],
    );
  }
  await queryRunner.dropTable(LEGACY);
}

/** The reverse of `replaceLegacyOutbox`: the legacy table again, with the undelivered events. */
export async function restoreLegacyOutbox(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.createTable(
    new Table({
      name: LEGACY,
      columns: [
        { name: 'id', type: 'varchar', length: '36', isPrimary: true },
        { name: 'topic', type: 'varchar', length: '32' },
        { name: 'member_id', type: 'varchar', length: '36' },
        { name: 'created_at', type: 'datetime', precision: 3 },
        { name: 'delivered_at', type: 'datetime', precision: 3, isNullable: true },
        { name: 'attempts', type: 'int', default: 0 },
      ],
    }),
  );
  await queryRunner.createIndex(LEGACY, new TableIndex({ name: 'idx_outbox_pending', columnNames: ['delivered_at', 'created_at'] }));
  await queryRunner.query(
    `INSERT INTO ${LEGACY} (id, topic, member_id, created_at, delivered_at, attempts)
     SELECT id, type, event_key, created_at, NULL, attempts FROM outbox_events WHERE delivered_at IS NULL ORDER BY seq`,
  );
  await dropOutboxTable(queryRunner);
}
