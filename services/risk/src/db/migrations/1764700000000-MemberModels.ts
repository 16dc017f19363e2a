import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createJobLeaseTable } from '../../../../kit/src';

/**
 * The member models (churn, health, CLV): each training run a versioned row with its parameters
 * and fit report; the monthly evaluations (one per version and month); each member's latest
 * scores and their health per period (for "falling for three periods"); the staff alert inbox,
 * exactly once per (kind, subject, period) by its unique key; and the leases of the model jobs.
 */
export class MemberModels1764700000000 implements MigrationInterface {
  name = 'MemberModels1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'risk_models',
        columns: [
          { name: 'version', type: 'int', isPrimary: true },
          { name: 'trained_at', type: 'datetime', precision: 3 },
          { name: 'as_of', type: 'datetime', precision: 3 },
          { name: 'seed', type: 'int' },
          { name: 'members', type: 'int' },
          { name: 'auc', type: 'double' },
          { name: 'churn', type: 'text' },
          { name: 'clv', type: 'text' },
          { name: 'report', type: 'text' },
          { name: 'trained_by', type: 'varchar', length: '64' },
          { name: 'duration_ms', type: 'int' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'risk_model_evaluations',
        columns: [
          { name: 'version', type: 'int', isPrimary: true },
          { name: 'period', type: 'varchar', length: '7', isPrimary: true },
          { name: 'auc', type: 'double' },
          { name: 'members', type: 'int' },
          { name: 'evaluated_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'member_scores',
        columns: [
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'model_version', type: 'int' },
          { name: 'period', type: 'varchar', length: '7' },
          { name: 'churn_probability', type: 'double' },
          { name: 'health', type: 'int' },
          { name: 'win_back', type: 'boolean' },
          { name: 'clv_simple_fen', type: 'bigint' },
          { name: 'clv_model_fen', type: 'bigint' },
          { name: 'probability_alive', type: 'double' },
          { name: 'expected_purchases', type: 'double' },
          { name: 'scored_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createIndex(
      'member_scores',
      new TableIndex({ name: 'idx_member_scores_win_back', columnNames: ['win_back', 'health'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'member_health',
        columns: [
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'period', type: 'varchar', length: '7', isPrimary: true },
          { name: 'score', type: 'int' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'risk_alerts',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '24' },
          { name: 'subject', type: 'varchar', length: '64' },
          { name: 'period', type: 'varchar', length: '7' },
          { name: 'severity', type: 'varchar', length: '8' },
          { name: 'detail', type: 'varchar', length: '255' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'acknowledged_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'acknowledged_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'resolved_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'resolved_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'resolution', type: 'varchar', length: '255', isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex(
      'risk_alerts',
      new TableIndex({ name: 'uq_risk_alerts_once', columnNames: ['kind', 'subject', 'period'], isUnique: true }),
    );
    await queryRunner.createIndex(
      'risk_alerts',
      new TableIndex({ name: 'idx_risk_alerts_inbox', columnNames: ['status', 'created_at', 'id'] }),
    );
    await createJobLeaseTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['job_leases', 'risk_alerts', 'member_health', 'member_scores', 'risk_model_evaluations', 'risk_models']) {
      await queryRunner.dropTable(table);
    }
  }
}
