import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { DEFAULT_BENEFITS } from '../../domain/matrix';

/** The benefit catalogue and the tier × benefit matrix, seeded with shared/DOMAIN.md §4. */
export class CreateBenefits1764000000000 implements MigrationInterface {
  name = 'CreateBenefits1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'benefits',
        columns: [
          { name: 'code', type: 'varchar', length: '32', isPrimary: true },
          { name: 'name', type: 'varchar', length: '128' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'tier_benefits',
        columns: [
          { name: 'tier_id', type: 'varchar', length: '32', isPrimary: true },
          { name: 'benefit_code', type: 'varchar', length: '32', isPrimary: true },
          { name: 'level', type: 'varchar', length: '128' },
          { name: 'position', type: 'int' },
        ],
        foreignKeys: [{ columnNames: ['benefit_code'], referencedTableName: 'benefits', referencedColumnNames: ['code'] }],
      }),
    );
    for (const [position, benefit] of DEFAULT_BENEFITS.entries()) {
      await queryRunner.query('INSERT INTO benefits (code, name) VALUES (?, ?)', [benefit.code, benefit.name]);
      for (const [tierId, level] of Object.entries(benefit.levels)) {
        await queryRunner.query('INSERT INTO tier_benefits (tier_id, benefit_code, level, position) VALUES (?, ?, ?, ?)', [
          tierId,
          benefit.code,
          level,
          position,
        ]);
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('tier_benefits');
    await queryRunner.dropTable('benefits');
  }
}
