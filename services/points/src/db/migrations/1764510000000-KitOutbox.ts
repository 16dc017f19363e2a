import type { MigrationInterface, QueryRunner } from 'typeorm';
import { replaceLegacyOutbox, restoreLegacyOutbox } from '../../../../kit/src';

/** The points service's tier-activity events move to the kit's outbox table; undelivered ones are kept. */
export class KitOutbox1764510000000 implements MigrationInterface {
  name = 'KitOutbox1764510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await replaceLegacyOutbox(queryRunner, async (row) => ({ memberId: row.member_id }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await restoreLegacyOutbox(queryRunner);
  }
}
