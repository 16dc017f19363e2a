import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The default rules, as they were when this migration was written (a migration is a snapshot:
 * later defaults come in later migrations, staff edits are never overwritten). Each parses with
 * domain/rules.ts, which a test checks.
 */
export const SEEDED_RULES: Array<{ id: string; description: string; outcome: 'REVIEW' | 'DENY'; score: number; definition: object }> = [
  {
    id: 'device-shared',
    description: 'More than 3 members register or log in on one device within 30 days',
    outcome: 'REVIEW',
    score: 40,
    definition: { kind: 'FAN_OUT', actions: ['REGISTER', 'LOGIN'], by: 'DEVICE', windowSeconds: 2_592_000, maxMembers: 3 },
  },
  {
    id: 'device-farm',
    description: 'More than 10 members register or log in on one device within 30 days',
    outcome: 'DENY',
    score: 80,
    definition: { kind: 'FAN_OUT', actions: ['REGISTER', 'LOGIN'], by: 'DEVICE', windowSeconds: 2_592_000, maxMembers: 10 },
  },
  {
    id: 'ip-register-fan-out',
    description: 'More than 20 registrations from one IP within a day',
    outcome: 'REVIEW',
    score: 30,
    definition: { kind: 'FAN_OUT', actions: ['REGISTER'], by: 'IP', windowSeconds: 86_400, maxMembers: 20 },
  },
  {
    id: 'burn-velocity-ip',
    description: 'More than 10 burns or redemptions from one IP within 10 minutes',
    outcome: 'DENY',
    score: 70,
    definition: { kind: 'VELOCITY', actions: ['BURN', 'REDEEM'], by: 'IP', windowSeconds: 600, max: 10 },
  },
  {
    id: 'burn-velocity-device',
    description: 'More than 10 burns or redemptions from one device within 10 minutes',
    outcome: 'DENY',
    score: 70,
    definition: { kind: 'VELOCITY', actions: ['BURN', 'REDEEM'], by: 'DEVICE', windowSeconds: 600, max: 10 },
  },
  {
    id: 'burn-velocity-member',
    description: 'More than 5 burns or redemptions by one member within an hour',
    outcome: 'REVIEW',
    score: 40,
    definition: { kind: 'VELOCITY', actions: ['BURN', 'REDEEM'], by: 'MEMBER', windowSeconds: 3_600, max: 5 },
  },
  {
    id: 'earn-velocity-member',
    description: 'More than 10 earns by one member within an hour',
    outcome: 'REVIEW',
    score: 30,
    definition: { kind: 'VELOCITY', actions: ['EARN'], by: 'MEMBER', windowSeconds: 3_600, max: 10 },
  },
  {
    id: 'login-velocity-ip',
    description: 'More than 50 logins from one IP within 10 minutes',
    outcome: 'REVIEW',
    score: 20,
    definition: { kind: 'VELOCITY', actions: ['LOGIN'], by: 'IP', windowSeconds: 600, max: 50 },
  },
  {
    id: 'earn-amount-outlier',
    description: "An earn over 10 times the member's median of their last 50 (after 5)",
    outcome: 'REVIEW',
    score: 30,
    definition: { kind: 'AMOUNT_OUTLIER', actions: ['EARN'], factor: 10, minHistory: 5, historySize: 50 },
  },
  {
    id: 'burn-amount-outlier',
    description: "A burn over 10 times the member's median of their last 50 (after 5)",
    outcome: 'REVIEW',
    score: 30,
    definition: { kind: 'AMOUNT_OUTLIER', actions: ['BURN', 'REDEEM'], factor: 10, minHistory: 5, historySize: 50 },
  },
  {
    id: 'burn-after-register',
    description: 'Points burned or redeemed within 24 hours of registering',
    outcome: 'REVIEW',
    score: 30,
    definition: { kind: 'SOON_AFTER_REGISTER', actions: ['BURN', 'REDEEM'], withinSeconds: 86_400 },
  },
  {
    id: 'refund-farming',
    description: 'At least 3 refunds and as many refunds as half the earns within 30 days',
    outcome: 'REVIEW',
    score: 50,
    definition: {
      kind: 'REFUND_FARMING',
      actions: ['EARN', 'BURN', 'REDEEM', 'REFUND'],
      windowSeconds: 2_592_000,
      minRefunds: 3,
      minRefundRatio: 0.5,
    },
  },
  {
    id: 'referral-ring',
    description: 'A referral between members sharing a device, closing a cycle, or whose invitees share devices',
    outcome: 'DENY',
    score: 80,
    definition: { kind: 'REFERRAL_RING', maxDepth: 6, maxSharedInvitees: 1 },
  },
];

/** Rules as data (seeded with the defaults above), the context and findings of each decision, and its review. */
export class RiskRules1764600000000 implements MigrationInterface {
  name = 'RiskRules1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'risk_rules',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'description', type: 'varchar', length: '255' },
          { name: 'enabled', type: 'boolean' },
          { name: 'outcome', type: 'varchar', length: '8' },
          { name: 'score', type: 'int' },
          { name: 'definition', type: 'text' },
          { name: 'version', type: 'int' },
          { name: 'updated_by', type: 'varchar', length: '64' },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    // UTC, as both drivers store datetimes here (TypeORM's SQLite format; the MySQL pool's timezone Z).
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    for (const rule of SEEDED_RULES) {
      // Plain SQL: the entity of this table may have changed by the time this migration runs.
      await queryRunner.query(
        `INSERT INTO risk_rules (id, description, enabled, outcome, score, definition, version, updated_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 1, 'system', ?)`,
        [rule.id, rule.description, 1, rule.outcome, rule.score, JSON.stringify(rule.definition), now],
      );
    }
    await queryRunner.addColumns('risk_events', [
      new TableColumn({ name: 'points', type: 'bigint', default: 0 }),
      new TableColumn({ name: 'device_id', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'ip', type: 'varchar', length: '45', isNullable: true }),
      new TableColumn({ name: 'store', type: 'varchar', length: '32', isNullable: true }),
      new TableColumn({ name: 'invitee_member_id', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'score', type: 'int', default: 0 }),
      new TableColumn({ name: 'reasons', type: 'text', isNullable: true }),
      new TableColumn({ name: 'review_status', type: 'varchar', length: '16', isNullable: true }),
      new TableColumn({ name: 'reviewed_by', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'reviewed_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'review_note', type: 'varchar', length: '255', isNullable: true }),
    ]);
    // (member_id, action, created_at) serves everything the old (member_id) index did, and the windows.
    await queryRunner.dropIndex('risk_events', 'idx_risk_events_member');
    const indexes: Array<[string, string[]]> = [
      ['idx_risk_events_member_action', ['member_id', 'action', 'created_at']],
      ['idx_risk_events_device', ['device_id', 'created_at']],
      ['idx_risk_events_ip', ['ip', 'created_at']],
      ['idx_risk_events_invitee', ['invitee_member_id']],
      ['idx_risk_events_review', ['review_status', 'created_at']],
    ];
    for (const [name, columnNames] of indexes) await queryRunner.createIndex('risk_events', new TableIndex({ name, columnNames }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of [
      'idx_risk_events_review',
      'idx_risk_events_invitee',
      'idx_risk_events_ip',
      'idx_risk_events_device',
      'idx_risk_events_member_action',
    ]) {
      await queryRunner.dropIndex('risk_events', name);
    }
    await queryRunner.createIndex('risk_events', new TableIndex({ name: 'idx_risk_events_member', columnNames: ['member_id'] }));
    for (const column of [
      'review_note',
      'reviewed_at',
      'reviewed_by',
      'review_status',
      'reasons',
      'score',
      'invitee_member_id',
      'store',
      'ip',
      'device_id',
      'points',
    ]) {
      await queryRunner.dropColumn('risk_events', column);
    }
    await queryRunner.dropTable('risk_rules');
  }
}
