import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Two-phase spending (the benefits service's reward saga): `points_accounts.held` is what open holds
 * take out of the spendable balance (balance − held), and `points_holds` has one row per hold key —
 * HELD, then CAPTURED (with the ledger entry it wrote) or RELEASED. The key is the primary key, so
 * a retried hold, capture or release applies once.
 */
export class PointsHolds1764700000000 implements MigrationInterface {
  name = 'PointsHolds1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('points_accounts', new TableColumn({ name: 'held', type: 'bigint', default: 0 }));
    await queryRunner.createTable(
      new Table({
        name: 'points_holds',
        columns: [
          { name: 'hold_key', type: 'varchar', length: '128', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'points', type: 'int' },
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'source_ref', type: 'varchar', length: '64' },
          { name: 'reason', type: 'varchar', length: '255' },
          { name: 'expires_at', type: 'datetime', precision: 3 },
          { name: 'entry_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'settled_at', type: 'datetime', precision: 3, isNullable: true },
        ],
      }),
    );
    // The sweep's scan: holds still HELD past their expiry.
    await queryRunner.createIndex('points_holds', new TableIndex({ name: 'idx_points_holds_due', columnNames: ['state', 'expires_at'] }));
    await queryRunner.createIndex('points_holds', new TableIndex({ name: 'idx_points_holds_member', columnNames: ['member_id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('points_holds');
    await queryRunner.dropColumn('points_accounts', 'held');
  }
}
