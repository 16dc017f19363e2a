import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Campaign types, lifecycle, targeting and budgets on `campaigns`; the grants a budget is spent on
 * (one row per campaign and order or action, so a retried earn never spends twice); the
 * coefficient answered per order (its replay); the programme's campaign settings (how several live multipliers combine).
 * Existing campaigns become SCHEDULED multipliers without targeting or budget: what they were.
 */
export class CampaignRules1764800000000 implements MigrationInterface {
  name = 'CampaignRules1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string) => new TableColumn({ name, type: 'text', isNullable: true });
    await queryRunner.addColumns('campaigns', [
      new TableColumn({ name: 'type', type: 'varchar', length: '24', default: "'MULTIPLIER'" }),
      new TableColumn({ name: 'status', type: 'varchar', length: '16', default: "'SCHEDULED'" }),
      text('target_tiers'),
      text('target_channels'),
      text('target_stores'),
      text('target_segments'),
      new TableColumn({ name: 'require_marketing_consent', type: 'boolean', default: false }),
      new TableColumn({ name: 'budget_points', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'spent_points', type: 'bigint', default: 0 }),
      new TableColumn({ name: 'budget_coupons', type: 'int', isNullable: true }),
      new TableColumn({ name: 'spent_coupons', type: 'int', default: 0 }),
      new TableColumn({ name: 'bonus_points', type: 'int', isNullable: true }),
      new TableColumn({ name: 'task_action', type: 'varchar', length: '32', isNullable: true }),
      new TableColumn({ name: 'task_target', type: 'int', isNullable: true }),
      new TableColumn({ name: 'reward_coupon_template', type: 'varchar', length: '32', isNullable: true }),
      new TableColumn({ name: 'ended_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'created_by', type: 'varchar', length: '64', isNullable: true }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'campaign_grants',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'campaign_id', type: 'varchar', length: '36' },
          // ORDER:<orderNo> for a multiplier's extra points, <ACTION>:<ref> for a bonus or task.
          { name: 'grant_ref', type: 'varchar', length: '100' },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'points', type: 'bigint' },
          { name: 'coupons', type: 'int', default: 0 },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        foreignKeys: [{ columnNames: ['campaign_id'], referencedTableName: 'campaigns', referencedColumnNames: ['id'] }],
      }),
    );
    await queryRunner.createIndex(
      'campaign_grants',
      new TableIndex({ name: 'uq_campaign_grants_ref', columnNames: ['campaign_id', 'grant_ref'], isUnique: true }),
    );
    await queryRunner.createIndex('campaign_grants', new TableIndex({ name: 'idx_campaign_grants_ref', columnNames: ['grant_ref'] }));
    // The coefficient answered for an order, so a retried earn gets the same answer (and spends nothing again).
    await queryRunner.createTable(
      new Table({
        name: 'earn_boosts',
        columns: [
          { name: 'order_ref', type: 'varchar', length: '100', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'coefficient_milli', type: 'int' },
          { name: 'campaign_ids', type: 'text' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'campaign_settings',
        columns: [
          { name: 'name', type: 'varchar', length: '64', isPrimary: true },
          { name: 'value', type: 'varchar', length: '255' },
          { name: 'updated_by', type: 'varchar', length: '64' },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('campaign_settings');
    await queryRunner.dropTable('earn_boosts');
    await queryRunner.dropTable('campaign_grants');
    for (const column of [
      'created_by',
      'ended_at',
      'reward_coupon_template',
      'task_target',
      'task_action',
      'bonus_points',
      'spent_coupons',
      'budget_coupons',
      'spent_points',
      'budget_points',
      'require_marketing_consent',
      'target_segments',
      'target_stores',
      'target_channels',
      'target_tiers',
      'status',
      'type',
    ])
      await queryRunner.dropColumn('campaigns', column);
  }
}
