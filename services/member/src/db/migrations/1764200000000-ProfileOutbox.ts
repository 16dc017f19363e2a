import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The member's profile, and an outbox for events the points service acts on. */
export class ProfileOutbox1764200000000 implements MigrationInterface {
  name = 'ProfileOutbox1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('members', [
      new TableColumn({ name: 'name', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'birthday', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'gender', type: 'varchar', length: '16', isNullable: true }),
      new TableColumn({ name: 'email', type: 'varchar', length: '254', isNullable: true }),
      new TableColumn({ name: 'profile_completed_at', type: 'datetime', precision: 3, isNullable: true }),
    ]);
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
    for (const column of ['profile_completed_at', 'email', 'gender', 'birthday', 'name']) await queryRunner.dropColumn('members', column);
  }
}
