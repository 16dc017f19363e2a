import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Lots (expiry, FIFO burns), refunds with clawback, and debt on the account. */
export class AddLotsRefundsDebt1764100000000 implements MigrationInterface {
  name = 'AddLotsRefundsDebt1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'points_lots',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'entry_id', type: 'varchar', length: '36' },
          { name: 'points', type: 'int' },
          { name: 'remaining', type: 'int' },
          { name: 'earned_at', type: 'datetime', precision: 3 },
          { name: 'expires_at', type: 'datetime', precision: 3, isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex(
      'points_lots',
      new TableIndex({ name: 'idx_points_lots_member', columnNames: ['member_id', 'earned_at'] }),
    );
    await queryRunner.createIndex(
      'points_lots',
      new TableIndex({ name: 'idx_points_lots_expiry', columnNames: ['expires_at', 'remaining'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'points_refunds',
        columns: [
          { name: 'refund_no', type: 'varchar', length: '64', isPrimary: true },
          { name: 'order_no', type: 'varchar', length: '64' },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'amount_fen', type: 'bigint' },
          { name: 'points_clawed', type: 'int' },
          { name: 'debt_added', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.addColumn('points_accounts', new TableColumn({ name: 'debt', type: 'bigint', default: 0 }));
    await queryRunner.addColumn('orders', new TableColumn({ name: 'refunded_fen', type: 'bigint', default: 0 }));
    await queryRunner.addColumn('orders', new TableColumn({ name: 'points_clawed', type: 'int', default: 0 }));
    // Balances earned before lots existed become one lot each, without expiry: this migration
    // cannot know when they were earned, and expiring points early would take a member's money.
    await queryRunner.query(
      `INSERT INTO points_lots (id, member_id, entry_id, points, remaining, earned_at, expires_at)
       SELECT member_id, member_id, 'MIGRATED', balance, balance, CURRENT_TIMESTAMP, NULL FROM points_accounts WHERE balance > 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('orders', 'points_clawed');
    await queryRunner.dropColumn('orders', 'refunded_fen');
    await queryRunner.dropColumn('points_accounts', 'debt');
    await queryRunner.dropTable('points_refunds');
    await queryRunner.dropTable('points_lots');
  }
}
