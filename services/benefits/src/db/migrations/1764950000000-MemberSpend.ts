import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The points service's spend figures per member (RecordSpendStats), read by the Member.benefits ranking. */
export class MemberSpend1764950000000 implements MigrationInterface {
  name = 'MemberSpend1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // MySQL's TEXT holds 64 KB, about 2,500 orders a year; MEDIUMTEXT (16 MB) leaves no member out. SQLite's TEXT has no such limit.
    const ordersType = queryRunner.connection.options.type === 'mysql' ? 'mediumtext' : 'text';
    await queryRunner.createTable(
      new Table({
        name: 'member_spend',
        columns: [
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'as_of', type: 'datetime', precision: 3 },
          { name: 'window_ms', type: 'bigint' },
          { name: 'orders', type: ordersType },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('member_spend');
  }
}
