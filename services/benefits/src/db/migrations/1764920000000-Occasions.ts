import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createJobLeaseTable } from '../../../../kit/src';

/** Birthday and milestone rewards: what each occasion gives, what each member was given, and the job lease. */
export class Occasions1764920000000 implements MigrationInterface {
  name = 'Occasions1764920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'occasion_rewards',
        columns: [
          { name: 'occasion', type: 'varchar', length: '48', isPrimary: true },
          { name: 'template_code', type: 'varchar', length: '32' },
          { name: 'updated_by', type: 'varchar', length: '64' },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
        foreignKeys: [{ columnNames: ['template_code'], referencedTableName: 'coupon_templates', referencedColumnNames: ['code'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'occasion_grants',
        columns: [
          { name: 'grant_key', type: 'varchar', length: '96', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'occasion', type: 'varchar', length: '48' },
          { name: 'outcome', type: 'varchar', length: '16' },
          { name: 'coupon_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'reason', type: 'varchar', length: '32', isNullable: true },
          { name: 'granted_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createIndex('occasion_grants', new TableIndex({ name: 'idx_occasion_grants_member', columnNames: ['member_id'] }));
    await createJobLeaseTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('job_leases');
    await queryRunner.dropTable('occasion_grants');
    await queryRunner.dropTable('occasion_rewards');
  }
}
