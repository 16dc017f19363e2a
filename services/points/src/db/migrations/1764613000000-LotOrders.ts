import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A lot remembers the order that earned it, so that a refund of that order claws back its own lot
 * first (DOMAIN.md §3). Existing lots take it from the EARN entry that created them.
 */
export class LotOrders1764613000000 implements MigrationInterface {
  name = 'LotOrders1764613000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('points_lots', new TableColumn({ name: 'order_no', type: 'varchar', length: '64', isNullable: true }));
    await queryRunner.query(
      `UPDATE points_lots SET order_no = (SELECT e.source_ref FROM points_ledger e WHERE e.id = points_lots.entry_id AND e.source = 'ORDER')`,
    );
    await queryRunner.createIndex('points_lots', new TableIndex({ name: 'idx_points_lots_order', columnNames: ['order_no'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('points_lots', 'idx_points_lots_order');
    await queryRunner.dropColumn('points_lots', 'order_no');
  }
}
