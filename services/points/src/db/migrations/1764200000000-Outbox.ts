import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class Outbox1764200000000 implements MigrationInterface {
  name = 'Outbox1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'outbox',
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
    await queryRunner.createIndex('outbox', new TableIndex({ name: 'idx_outbox_pending', columnNames: ['delivered_at', 'created_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('outbox');
  }
}
