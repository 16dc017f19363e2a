import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createOutboxTable, dropOutboxTable } from '../../../../kit/src';

/**
 * Rewards for points (積分商城): the catalogue, each member's count per reward (the per-member
 * limit), the redemptions — each one a saga whose state lives in its row — and the kit's outbox,
 * which drives every saga step (one outbox event per next step), so a restart resumes them all.
 */
export class RewardsSaga1764830000000 implements MigrationInterface {
  name = 'RewardsSaga1764830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const at = (name: string, isNullable = false) => ({ name, type: 'datetime', precision: 3, isNullable });
    await queryRunner.createTable(
      new Table({
        name: 'rewards',
        columns: [
          { name: 'code', type: 'varchar', length: '32', isPrimary: true },
          { name: 'name', type: 'varchar', length: '128' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'template_code', type: 'varchar', length: '32', isNullable: true },
          { name: 'goods_sku', type: 'varchar', length: '64', isNullable: true },
          { name: 'points_price', type: 'int' },
          { name: 'stock', type: 'int' },
          { name: 'stock_left', type: 'int' },
          { name: 'per_member_limit', type: 'int' },
          { name: 'tiers', type: 'text' },
          { name: 'active', type: 'boolean' },
          { name: 'created_by', type: 'varchar', length: '64' },
          at('created_at'),
          { name: 'updated_by', type: 'varchar', length: '64' },
          at('updated_at'),
        ],
        foreignKeys: [{ columnNames: ['template_code'], referencedTableName: 'coupon_templates', referencedColumnNames: ['code'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reward_claims',
        columns: [
          { name: 'reward_code', type: 'varchar', length: '32', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'claimed', type: 'int' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reward_redemptions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'redeem_key', type: 'varchar', length: '140', isUnique: true },
          { name: 'reward_code', type: 'varchar', length: '32' },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'points', type: 'int' },
          { name: 'state', type: 'varchar', length: '16' },
          { name: 'step_attempts', type: 'int', default: 0 },
          { name: 'coupon_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'voucher_code', type: 'varchar', length: '40', isNullable: true },
          { name: 'ledger_entry_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'failed_step', type: 'varchar', length: '16', isNullable: true },
          { name: 'failure_code', type: 'varchar', length: '32', isNullable: true },
          { name: 'failure_message', type: 'varchar', length: '255', isNullable: true },
          { name: 'actor', type: 'varchar', length: '64' },
          at('created_at'),
          at('updated_at'),
          at('finished_at', true),
        ],
        foreignKeys: [{ columnNames: ['reward_code'], referencedTableName: 'rewards', referencedColumnNames: ['code'] }],
      }),
    );
    await queryRunner.createIndex(
      'reward_redemptions',
      new TableIndex({ name: 'idx_reward_redemptions_member', columnNames: ['member_id', 'created_at', 'id'] }),
    );
    await queryRunner.createIndex('reward_redemptions', new TableIndex({ name: 'idx_reward_redemptions_state', columnNames: ['state'] }));
    await createOutboxTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropOutboxTable(queryRunner);
    await queryRunner.dropTable('reward_redemptions');
    await queryRunner.dropTable('reward_claims');
    await queryRunner.dropTable('rewards');
  }
}
