import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * BONUS, TASK and CHECK_IN_STREAK campaigns: each action counted once per campaign and member
 * (its source's ref is the key), and each member's progress (actions done, the streak and its last
 * day, when the reward was earned).
 */
export class CampaignActions1764820000000 implements MigrationInterface {
  name = 'CampaignActions1764820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'campaign_actions',
        columns: [
          { name: 'campaign_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'action_ref', type: 'varchar', length: '64', isPrimary: true },
          { name: 'at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'campaign_progress',
        columns: [
          { name: 'campaign_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'done', type: 'int', default: 0 },
          { name: 'streak', type: 'int', default: 0 },
          // YYYY-MM-DD in the programme's time zone.
          { name: 'last_day', type: 'varchar', length: '10', isNullable: true },
          { name: 'rewarded_at', type: 'datetime', precision: 3, isNullable: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('campaign_progress');
    await queryRunner.dropTable('campaign_actions');
  }
}
