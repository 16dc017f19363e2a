import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A per-member counter of tier changes: each change announces the member's tier with it (the
 * points service keeps a copy to earn without asking), and a copy never takes an older version
 * over a newer one.
 */
export class TierVersion1765000000000 implements MigrationInterface {
  name = 'TierVersion1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('members', new TableColumn({ name: 'tier_version', type: 'bigint', default: 0 }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('members', 'tier_version');
  }
}
