import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The tier engine: versioned tier definitions, the member's tier state and activity, tier history
 * and milestones. tier_versions is seeded from tier_definitions, which stays as the catalogue of
 * tier ids (its other columns keep the original seed values and are no longer read).
 */
export class TierEngine1764100000000 implements MigrationInterface {
  name = 'TierEngine1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'tier_versions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tier_id', type: 'varchar', length: '32' },
          { name: 'effective_from', type: 'datetime', precision: 3 },
          { name: 'name', type: 'varchar', length: '64' },
          { name: 'tier_rank', type: 'int' },
          { name: 'spend_threshold_fen', type: 'bigint' },
          { name: 'purchase_threshold', type: 'int' },
          { name: 'rule', type: 'varchar', length: '3' },
          { name: 'multiplier_milli', type: 'int' },
          { name: 'points_never_expire', type: 'boolean' },
          { name: 'created_by', type: 'varchar', length: '64' },
          { name: 'reason', type: 'varchar', length: '255' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        foreignKeys: [{ columnNames: ['tier_id'], referencedTableName: 'tier_definitions', referencedColumnNames: ['id'] }],
      }),
    );
    await queryRunner.createIndex(
      'tier_versions',
      new TableIndex({ name: 'idx_tier_versions_tier', columnNames: ['tier_id', 'effective_from'] }),
    );
    await queryRunner.query(
      `INSERT INTO tier_versions (id, tier_id, effective_from, name, tier_rank, spend_threshold_fen, purchase_threshold, rule, multiplier_milli, points_never_expire, created_by, reason, created_at)
       SELECT CONCAT_WS('', 'seed-', id), id, '1970-01-01 00:00:00.000', name, tier_rank, spend_threshold_fen, purchase_threshold, rule, multiplier_milli, points_never_expire, 'system', 'default programme (DOMAIN.md §2)', CURRENT_TIMESTAMP
       FROM tier_definitions`,
    );

    await queryRunner.addColumns('members', [
      new TableColumn({ name: 'tier_since', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'tier_source', type: 'varchar', length: '8', default: "'EARNED'" }),
      new TableColumn({ name: 'grant_expires_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'spend_12m_fen', type: 'bigint', default: 0 }),
      new TableColumn({ name: 'purchases_12m', type: 'int', default: 0 }),
      new TableColumn({ name: 'activity_as_of', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'reevaluated_cycle', type: 'varchar', length: '8', default: "''" }),
    ]);
    await queryRunner.query('UPDATE members SET tier_since = registered_at');

    await queryRunner.createTable(
      new Table({
        name: 'tier_history',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'from_tier', type: 'varchar', length: '32', isNullable: true },
          { name: 'to_tier', type: 'varchar', length: '32' },
          { name: 'reason', type: 'varchar', length: '16' },
          { name: 'note', type: 'varchar', length: '255' },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createIndex('tier_history', new TableIndex({ name: 'idx_tier_history_member', columnNames: ['member_id', 'at'] }));
    await queryRunner.query(
      `INSERT INTO tier_history (id, member_id, from_tier, to_tier, reason, note, actor, at)
       SELECT id, id, NULL, tier_id, 'REGISTERED', 'registered', 'system', registered_at FROM members`,
    );

    await queryRunner.createTable(
      new Table({
        name: 'member_milestones',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'kind', type: 'varchar', length: '24' },
          { name: 'period', type: 'varchar', length: '8' },
          { name: 'at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createIndex(
      'member_milestones',
      new TableIndex({ name: 'uq_member_milestones', columnNames: ['member_id', 'kind', 'period'], isUnique: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('member_milestones');
    await queryRunner.dropTable('tier_history');
    for (const column of [
      'reevaluated_cycle',
      'activity_as_of',
      'purchases_12m',
      'spend_12m_fen',
      'grant_expires_at',
      'tier_source',
      'tier_since',
    ]) {
      await queryRunner.dropColumn('members', column);
    }
    await queryRunner.dropTable('tier_versions');
  }
}
