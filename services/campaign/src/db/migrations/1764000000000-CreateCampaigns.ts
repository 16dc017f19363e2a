import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateCampaigns1764000000000 implements MigrationInterface {
  name = 'CreateCampaigns1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'campaigns',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '128' },
          { name: 'coefficient_milli', type: 'int' },
          { name: 'starts_at', type: 'datetime', precision: 3 },
          { name: 'ends_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createIndex('campaigns', new TableIndex({ name: 'idx_campaigns_window', columnNames: ['starts_at', 'ends_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('campaigns');
  }
}
