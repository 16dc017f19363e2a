import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createJobLeaseTable } from '../../../../kit/src';

/** Experiments, segments with RFM and clusters, channel spend, and the job lease of the recomputation. */
export class ExperimentsSegments1764900000000 implements MigrationInterface {
  name = 'ExperimentsSegments1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'experiments',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'experiment_key', type: 'varchar', length: '64' },
          { name: 'name', type: 'varchar', length: '128' },
          { name: 'salt', type: 'varchar', length: '64' },
          { name: 'holdout_milli', type: 'int' },
          { name: 'variants', type: 'text' },
          { name: 'status', type: 'varchar', length: '8' },
          { name: 'winner_key', type: 'varchar', length: '32', isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'stopped_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_by', type: 'varchar', length: '64' },
        ],
        indices: [new TableIndex({ name: 'uq_experiments_key', columnNames: ['experiment_key'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'experiment_participants',
        columns: [
          { name: 'experiment_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'variant_key', type: 'varchar', length: '32' },
          { name: 'channel', type: 'varchar', length: '16' },
          { name: 'exposed_at', type: 'datetime', precision: 3 },
          { name: 'converted_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [new TableIndex({ name: 'idx_experiment_participants_group', columnNames: ['experiment_id', 'variant_key'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'experiment_costs',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'experiment_id', type: 'varchar', length: '36' },
          { name: 'variant_key', type: 'varchar', length: '32' },
          { name: 'amount_fen', type: 'bigint' },
          { name: 'idempotency_key', type: 'varchar', length: '100' },
          { name: 'recorded_at', type: 'datetime', precision: 3 },
          { name: 'recorded_by', type: 'varchar', length: '64' },
        ],
        indices: [new TableIndex({ name: 'uq_experiment_costs_key', columnNames: ['experiment_id', 'idempotency_key'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'segments',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'segment_key', type: 'varchar', length: '64' },
          { name: 'name', type: 'varchar', length: '128' },
          { name: 'rules', type: 'text' },
          { name: 'member_count', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'created_by', type: 'varchar', length: '64' },
          { name: 'computed_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [new TableIndex({ name: 'uq_segments_key', columnNames: ['segment_key'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'segment_members',
        columns: [
          { name: 'segment_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
        ],
        indices: [new TableIndex({ name: 'idx_segment_members_member', columnNames: ['member_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'member_rfm',
        columns: [
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'recency_days', type: 'int', isNullable: true },
          { name: 'frequency', type: 'int' },
          { name: 'monetary_fen', type: 'bigint' },
          { name: 'spend_fen', type: 'bigint' },
          { name: 'r_score', type: 'int' },
          { name: 'f_score', type: 'int' },
          { name: 'm_score', type: 'int' },
          { name: 'rfm_segment', type: 'varchar', length: '24' },
          { name: 'customer_segment', type: 'varchar', length: '16' },
          { name: 'cluster', type: 'int', isNullable: true },
          { name: 'computed_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          new TableIndex({ name: 'idx_member_rfm_segment', columnNames: ['rfm_segment'] }),
          new TableIndex({ name: 'idx_member_rfm_customer', columnNames: ['customer_segment'] }),
          new TableIndex({ name: 'idx_member_rfm_cluster', columnNames: ['cluster'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'segment_runs',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'started_at', type: 'datetime', precision: 3 },
          { name: 'finished_at', type: 'datetime', precision: 3 },
          { name: 'members', type: 'int' },
          { name: 'clustering', type: 'text', isNullable: true },
          { name: 'triggered_by', type: 'varchar', length: '64' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'channel_spend',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'channel', type: 'varchar', length: '16' },
          { name: 'month', type: 'varchar', length: '7' },
          { name: 'amount_fen', type: 'bigint' },
          { name: 'idempotency_key', type: 'varchar', length: '100' },
          { name: 'recorded_at', type: 'datetime', precision: 3 },
          { name: 'recorded_by', type: 'varchar', length: '64' },
        ],
        indices: [
          new TableIndex({ name: 'idx_channel_spend_month', columnNames: ['month', 'channel'] }),
          new TableIndex({ name: 'uq_channel_spend_key', columnNames: ['idempotency_key'], isUnique: true }),
        ],
      }),
    );
    await createJobLeaseTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'job_leases',
      'channel_spend',
      'segment_runs',
      'member_rfm',
      'segment_members',
      'segments',
      'experiment_costs',
      'experiment_participants',
      'experiments',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
