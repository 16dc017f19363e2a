import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Points held back during an order's return window (POINTS_RETURN_WINDOW_DAYS). */
export class PendingPoints1764400000000 implements MigrationInterface {
  name = 'PendingPoints1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'points_pending',
        columns: [
          { name: 'order_no', type: 'varchar', length: '64', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'points', type: 'int' },
          { name: 'available_at', type: 'datetime', precision: 3 },
          { name: 'lot_expires_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'released_at', type: 'datetime', precision: 3, isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex(
      'points_pending',
      new TableIndex({ name: 'idx_points_pending_due', columnNames: ['released_at', 'available_at'] }),
    );
    await queryRunner.createIndex('points_pending', new TableIndex({ name: 'idx_points_pending_member', columnNames: ['member_id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('points_pending');
  }
}
