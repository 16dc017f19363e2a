import type { MigrationInterface, QueryRunner } from 'typeorm';
import { replaceLegacyOutbox, restoreLegacyOutbox } from '../../../../kit/src';

/**
 * The member service's events move to the kit's outbox table. Undelivered events are kept with the
 * payload they now carry: the member, and for a merge the merge itself (what the points service needs).
 */
export class KitOutbox1764510000000 implements MigrationInterface {
  name = 'KitOutbox1764510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await replaceLegacyOutbox(queryRunner, async (row) => {
      if (row.topic !== 'member.merged') return { memberId: row.member_id };
      const [merge]: Array<{ id: string; target_id: string }> = await queryRunner.query(
        'SELECT id, target_id FROM member_merges WHERE source_id = ?',
        [row.member_id],
      );
      return { mergeId: merge.id, sourceMemberId: row.member_id, targetMemberId: merge.target_id };
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await restoreLegacyOutbox(queryRunner);
  }
}
