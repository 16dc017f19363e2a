import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Members' ratings of benefits: one row per member and benefit. */
export class BenefitRatings1764910000000 implements MigrationInterface {
  name = 'BenefitRatings1764910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'benefit_ratings',
        columns: [
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'benefit_code', type: 'varchar', length: '32', isPrimary: true },
          { name: 'score', type: 'int' },
          { name: 'rated_at', type: 'datetime', precision: 3 },
          { name: 'times', type: 'int' },
        ],
        foreignKeys: [{ columnNames: ['benefit_code'], referencedTableName: 'benefits', referencedColumnNames: ['code'] }],
      }),
    );
    // The staff summary groups by benefit.
    await queryRunner.createIndex(
      'benefit_ratings',
      new TableIndex({ name: 'idx_benefit_ratings_benefit', columnNames: ['benefit_code'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('benefit_ratings');
  }
}
