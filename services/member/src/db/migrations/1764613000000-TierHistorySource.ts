import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Each tier change records whether the tier it gave was EARNED or GRANTED: a merge can carry a
 * staff grant over (reason MERGED), and the grant's end must find the tier held before it.
 */
export class TierHistorySource1764613000000 implements MigrationInterface {
  name = 'TierHistorySource1764613000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'tier_history',
      new TableColumn({ name: 'tier_source', type: 'varchar', length: '8', default: "'EARNED'" }),
    );
    await queryRunner.query("UPDATE tier_history SET tier_source = 'GRANTED' WHERE reason = 'GRANT'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('tier_history', 'tier_source');
  }
}
