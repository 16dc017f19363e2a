import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The 30-day expiry notices sent (one per member and last day: its primary key makes the notice
 * exactly once), and the leases that let one replica at a time run a scheduled job.
 */
export class NoticesLeases1764620000000 implements MigrationInterface {
  name = 'NoticesLeases1764620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'points_expiry_notices',
        columns: [
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'expires_on', type: 'varchar', length: '10', isPrimary: true },
          { name: 'points', type: 'int' },
          { name: 'noticed_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'job_leases',
        columns: [
          { name: 'job', type: 'varchar', length: '64', isPrimary: true },
          { name: 'holder', type: 'varchar', length: '64', isNullable: true },
          { name: 'expires_at', type: 'datetime', precision: 3 },
          { name: 'last_run_key', type: 'varchar', length: '64', isNullable: true },
          { name: 'last_finished_at', type: 'datetime', precision: 3, isNullable: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('job_leases');
    await queryRunner.dropTable('points_expiry_notices');
  }
}
