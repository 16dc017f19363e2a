import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateRisk1764000000000 implements MigrationInterface {
  name = 'CreateRisk1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'risk_events',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'idempotency_key', type: 'varchar', length: '128', isUnique: true },
          { name: 'action', type: 'varchar', length: '32' },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'amount_fen', type: 'bigint' },
          { name: 'channel', type: 'varchar', length: '16' },
          { name: 'decision', type: 'varchar', length: '8' },
          { name: 'reason', type: 'varchar', length: '255' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createIndex('risk_events', new TableIndex({ name: 'idx_risk_events_member', columnNames: ['member_id'] }));
    await queryRunner.createTable(
      new Table({
        name: 'risk_profiles',
        columns: [
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'level', type: 'varchar', length: '8' },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('risk_profiles');
    await queryRunner.dropTable('risk_events');
  }
}
