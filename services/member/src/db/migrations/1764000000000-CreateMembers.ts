import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { DEFAULT_TIERS } from '../../domain/tiers';

/** Members and the tier ladder, seeded with the default programme of shared/DOMAIN.md §2. */
export class CreateMembers1764000000000 implements MigrationInterface {
  name = 'CreateMembers1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'tier_definitions',
        columns: [
          { name: 'id', type: 'varchar', length: '32', isPrimary: true },
          { name: 'name', type: 'varchar', length: '64' },
          { name: 'tier_rank', type: 'int', isUnique: true },
          { name: 'spend_threshold_fen', type: 'bigint' },
          { name: 'purchase_threshold', type: 'int' },
          { name: 'rule', type: 'varchar', length: '3' },
          { name: 'multiplier_milli', type: 'int' },
          { name: 'points_never_expire', type: 'boolean' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'members',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'phone', type: 'varchar', length: '20', isUnique: true },
          { name: 'registered_via', type: 'varchar', length: '16' },
          { name: 'tier_id', type: 'varchar', length: '32' },
          { name: 'registered_at', type: 'datetime', precision: 3 },
        ],
        foreignKeys: [{ columnNames: ['tier_id'], referencedTableName: 'tier_definitions', referencedColumnNames: ['id'] }],
      }),
    );
    for (const tier of DEFAULT_TIERS) {
      await queryRunner.query(
        'INSERT INTO tier_definitions (id, name, tier_rank, spend_threshold_fen, purchase_threshold, rule, multiplier_milli, points_never_expire) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [
          tier.id,
          tier.name,
          tier.rank,
          tier.spendThresholdFen,
          tier.purchaseThreshold,
          tier.rule,
          tier.multiplierMilli,
          tier.pointsNeverExpire ? 1 : 0,
        ],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('members');
    await queryRunner.dropTable('tier_definitions');
  }
}
