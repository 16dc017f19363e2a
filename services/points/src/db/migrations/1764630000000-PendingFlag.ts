import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Points held in an order's return window keep the flag their EARN entry gets when released (an
 * order recorded later than ORDER_MAX_LATENESS_DAYS: LATE_ORDER), which the release used to drop.
 * Rows already pending are not back-filled: whether they were late depended on the configuration
 * when they were recorded.
 */
export class PendingFlag1764630000000 implements MigrationInterface {
  name = 'PendingFlag1764630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('points_pending', new TableColumn({ name: 'flag', type: 'varchar', length: '16', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('points_pending', 'flag');
  }
}
