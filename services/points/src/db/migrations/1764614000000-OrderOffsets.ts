import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Checkout offsets tied to their order, so that a refund gives them back in proportion, and what
 * each refund gave back. Offsets made before this have no record of their lots: they come back
 * with the standard expiry.
 */
export class OrderOffsets1764614000000 implements MigrationInterface {
  name = 'OrderOffsets1764614000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'points_order_offsets',
        columns: [
          { name: 'idempotency_key', type: 'varchar', length: '128', isPrimary: true },
          { name: 'order_no', type: 'varchar', length: '64' },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'points', type: 'int' },
          { name: 'offset_fen', type: 'bigint' },
          { name: 'taken', type: 'text' },
          { name: 'points_returned', type: 'int', default: 0 },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createIndex(
      'points_order_offsets',
      new TableIndex({ name: 'idx_points_order_offsets_order', columnNames: ['order_no'] }),
    );
    // The offset's fen is not in the ledger: a whole-points estimate is enough for what only records it.
    await queryRunner.query(
      `INSERT INTO points_order_offsets (idempotency_key, order_no, member_id, points, offset_fen, taken, points_returned, created_at)
       SELECT idempotency_key, source_ref, member_id, -points, -points, '[]', 0, created_at
       FROM points_ledger WHERE source = 'CHECKOUT' AND entry_type = 'REDEEM'`,
    );
    await queryRunner.addColumn('points_refunds', new TableColumn({ name: 'points_returned', type: 'int', default: 0 }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('points_refunds', 'points_returned');
    await queryRunner.dropTable('points_order_offsets');
  }
}
