import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Member-first indexes for GetMemberEngagement (db/memberEngagement.ts): the risk models ask for a
 * page of members at a time, and these tables were keyed by campaign or experiment first, so each
 * page would otherwise scan them whole. Actions and shares carry the time, which the read windows on.
 */
const INDEXES: ReadonlyArray<[table: string, index: TableIndex]> = [
  ['campaign_actions', new TableIndex({ name: 'idx_campaign_actions_member', columnNames: ['member_id', 'at'] })],
  ['campaign_progress', new TableIndex({ name: 'idx_campaign_progress_member', columnNames: ['member_id'] })],
  ['referral_invitations', new TableIndex({ name: 'idx_referral_invitations_member', columnNames: ['member_id', 'created_at'] })],
  ['experiment_participants', new TableIndex({ name: 'idx_experiment_participants_member', columnNames: ['member_id'] })],
];

export class EngagementIndexes1765000000000 implements MigrationInterface {
  name = 'EngagementIndexes1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, index] of INDEXES) await queryRunner.createIndex(table, index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, index] of [...INDEXES].reverse()) await queryRunner.dropIndex(table, index.name!);
  }
}
