import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The copy of each member's tier an earn reads instead of asking the member service (MemberTierCopy). */
export class MemberTierCopies1765000000000 implements MigrationInterface {
  name = 'MemberTierCopies1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'member_tier_copies',
        columns: [
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tier_id', type: 'varchar', length: '32' },
          { name: 'tier_version', type: 'bigint' },
          { name: 'granted', type: 'boolean' },
          { name: 'grant_expires_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('member_tier_copies');
  }
}
