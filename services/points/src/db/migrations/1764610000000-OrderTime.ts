import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * When an order was placed (its tier and campaigns are those of that moment), as against when it
 * was recorded (`created_at`); and a flag on ledger entries such as an order recorded later than
 * the programme allows, admitted by an ADMIN. Existing orders were placed when they were recorded.
 */
export class OrderTime1764610000000 implements MigrationInterface {
  name = 'OrderTime1764610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('orders', new TableColumn({ name: 'ordered_at', type: 'datetime', precision: 3, isNullable: true }));
    await queryRunner.query('UPDATE orders SET ordered_at = created_at');
    await queryRunner.changeColumn(
      'orders',
      'ordered_at',
      new TableColumn({ name: 'ordered_at', type: 'datetime', precision: 3, isNullable: false }),
    );
    await queryRunner.addColumn('points_ledger', new TableColumn({ name: 'flag', type: 'varchar', length: '16', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('points_ledger', 'flag');
    await queryRunner.dropColumn('orders', 'ordered_at');
  }
}
