import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreatePoints1764000000000 implements MigrationInterface {
  name = 'CreatePoints1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'orders',
        columns: [
          { name: 'order_no', type: 'varchar', length: '64', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'amount_fen', type: 'bigint' },
          { name: 'channel', type: 'varchar', length: '16' },
          { name: 'points_earned', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createIndex('orders', new TableIndex({ name: 'idx_orders_member', columnNames: ['member_id'] }));
    await queryRunner.createTable(
      new Table({
        name: 'points_ledger',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'entry_type', type: 'varchar', length: '16' },
          { name: 'points', type: 'int' },
          { name: 'balance_after', type: 'bigint' },
          { name: 'source', type: 'varchar', length: '16' },
          { name: 'source_ref', type: 'varchar', length: '64' },
          { name: 'reason', type: 'varchar', length: '255' },
          { name: 'idempotency_key', type: 'varchar', length: '128', isUnique: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createIndex(
      'points_ledger',
      new TableIndex({ name: 'idx_points_ledger_member', columnNames: ['member_id', 'created_at'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'points_accounts',
        columns: [
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'balance', type: 'bigint' },
          { name: 'version', type: 'int' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('points_accounts');
    await queryRunner.dropTable('points_ledger');
    await queryRunner.dropTable('orders');
  }
}
