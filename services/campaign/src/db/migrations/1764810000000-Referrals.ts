import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createOutboxTable, dropOutboxTable } from '../../../../kit/src';

/**
 * Referral and fission (DOMAIN.md §5): a code per member, every registration as the campaign
 * service learnt it (attributed or not), invitations shared, the ladder as data (seeded with the
 * DOMAIN figures) and the rewards, unique per (referrer, rung, beneficiary). Rewards leave through
 * the kit's outbox.
 */
export class Referrals1764810000000 implements MigrationInterface {
  name = 'Referrals1764810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const at = (name: string, isNullable = false) => ({ name, type: 'datetime', precision: 3, isNullable });
    await queryRunner.createTable(
      new Table({
        name: 'referral_codes',
        columns: [
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'code', type: 'varchar', length: '16', isUnique: true },
          at('created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'referral_members',
        columns: [
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'channel', type: 'varchar', length: '16' },
          at('registered_at'),
          { name: 'inviter_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'referral_code', type: 'varchar', length: '16', isNullable: true },
          at('attributed_at', true),
          // NONE (not referred), WAITING (for the qualifying purchase), PENDING (risk check), COUNTED, REVIEW, DENIED.
          { name: 'status', type: 'varchar', length: '16' },
          at('counted_at', true),
        ],
      }),
    );
    await queryRunner.createIndex(
      'referral_members',
      new TableIndex({ name: 'idx_referral_members_inviter', columnNames: ['inviter_id', 'status'] }),
    );
    await queryRunner.createIndex(
      'referral_members',
      new TableIndex({ name: 'idx_referral_members_attributed', columnNames: ['attributed_at'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'referral_invitations',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'member_id', type: 'varchar', length: '36' },
          { name: 'channel', type: 'varchar', length: '16' },
          at('created_at'),
        ],
      }),
    );
    await queryRunner.createIndex(
      'referral_invitations',
      new TableIndex({ name: 'idx_referral_invitations_at', columnNames: ['created_at', 'channel'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'referral_rungs',
        columns: [
          { name: 'friends', type: 'int', isPrimary: true },
          // COUPON, POINTS or TIER.
          { name: 'reward', type: 'varchar', length: '16' },
          { name: 'coupon_template', type: 'varchar', length: '32', isNullable: true },
          { name: 'points', type: 'int', isNullable: true },
          { name: 'tier_id', type: 'varchar', length: '32', isNullable: true },
          // The friend who completed the rung gets the same reward ("both get a coupon").
          { name: 'invitee_too', type: 'boolean', default: false },
        ],
      }),
    );
    await queryRunner.query(
      `INSERT INTO referral_rungs (friends, reward, coupon_template, points, tier_id, invitee_too) VALUES
       (1, 'COUPON', 'REFERRAL20', NULL, NULL, 1), (3, 'POINTS', NULL, 50, NULL, 0), (5, 'TIER', NULL, NULL, 'GOLD', 0)`,
    );
    await queryRunner.createTable(
      new Table({
        name: 'referral_rewards',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          // The member whose friends reached the rung (for the POS welcome coupon, rung 0: the new member).
          { name: 'referrer_id', type: 'varchar', length: '36' },
          { name: 'rung', type: 'int' },
          { name: 'beneficiary_id', type: 'varchar', length: '36' },
          // The invitee whose qualifying event triggered it (risk context).
          { name: 'invitee_id', type: 'varchar', length: '36' },
          { name: 'reward', type: 'varchar', length: '16' },
          { name: 'coupon_template', type: 'varchar', length: '32', isNullable: true },
          { name: 'points', type: 'int', isNullable: true },
          { name: 'tier_id', type: 'varchar', length: '32', isNullable: true },
          // PENDING until the peer confirmed it, then GRANTED.
          { name: 'status', type: 'varchar', length: '16' },
          // Passed downstream: a retried call never grants twice.
          { name: 'idempotency_key', type: 'varchar', length: '100', isUnique: true },
          at('created_at'),
          at('granted_at', true),
          { name: 'attempts', type: 'int', default: 0 },
        ],
      }),
    );
    await queryRunner.createIndex(
      'referral_rewards',
      new TableIndex({ name: 'uq_referral_rewards_rung', columnNames: ['referrer_id', 'rung', 'beneficiary_id'], isUnique: true }),
    );
    await queryRunner.createIndex(
      'referral_rewards',
      new TableIndex({ name: 'idx_referral_rewards_beneficiary', columnNames: ['beneficiary_id'] }),
    );
    await createOutboxTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropOutboxTable(queryRunner);
    for (const table of ['referral_rewards', 'referral_rungs', 'referral_invitations', 'referral_members', 'referral_codes'])
      await queryRunner.dropTable(table);
  }
}
