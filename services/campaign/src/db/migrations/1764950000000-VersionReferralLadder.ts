import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The ladder as it was seeded is in force from before any member existed. */
const SEED_EFFECTIVE_FROM = '2000-01-01 00:00:00.000';

/** A DATETIME(3) value as both MySQL and TypeORM's SQLite columns hold it (UTC; raw queries cannot bind a Date on both). */
const datetime = (at: Date) => at.toISOString().replace('T', ' ').replace('Z', '');

/**
 * The referral ladder becomes versioned data staff edit (domain/referralLadder.ts), and referrals
 * risk held for REVIEW get staff decisions:
 * - every row of `referral_rungs` becomes version 1 of a rung whose id is its threshold (1, 3, 5 as
 *   seeded), so the idempotency keys of rewards already owed (`REFERRAL:<referrer>:<friends>:…`)
 *   name the same rung as every key from now on;
 * - a reward is unique per (referrer, rung id, beneficiary) instead of per threshold, and points at
 *   the rung version it was owed under;
 * - a referral records when its friend qualified (the ladder it counts with), when and why risk held it;
 * - `referral_decisions`: who released or rejected a held referral, when and why.
 */
export class VersionReferralLadder1764950000000 implements MigrationInterface {
  name = 'VersionReferralLadder1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'referral_rung_versions',
        columns: [
          { name: 'revision', type: 'int', isPrimary: true },
          { name: 'rung_id', type: 'int' },
          { name: 'friends', type: 'int' },
          // COUPON, POINTS or TIER.
          { name: 'reward', type: 'varchar', length: '16' },
          { name: 'coupon_template', type: 'varchar', length: '32', isNullable: true },
          { name: 'points', type: 'int', isNullable: true },
          { name: 'tier_id', type: 'varchar', length: '32', isNullable: true },
          { name: 'invitee_too', type: 'boolean', default: false },
          { name: 'retired', type: 'boolean', default: false },
          { name: 'effective_from', type: 'datetime', precision: 3 },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'reason', type: 'varchar', length: '255' },
          { name: 'recorded_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createIndex(
      'referral_rung_versions',
      new TableIndex({ name: 'idx_referral_rung_versions_rung', columnNames: ['rung_id', 'effective_from'] }),
    );
    const rungs: Array<{
      friends: number;
      reward: string;
      coupon_template: string | null;
      points: number | null;
      tier_id: string | null;
      invitee_too: number | boolean;
    }> = await queryRunner.query(
      'SELECT friends, reward, coupon_template, points, tier_id, invitee_too FROM referral_rungs ORDER BY friends',
    );
    const now = datetime(new Date());
    for (const [index, rung] of rungs.entries()) {
      await queryRunner.query(
        `INSERT INTO referral_rung_versions
           (revision, rung_id, friends, reward, coupon_template, points, tier_id, invitee_too, retired, effective_from, actor, reason, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 'system', 'seeded from shared/DOMAIN.md §5', ?)`,
        [
          index + 1,
          rung.friends,
          rung.friends,
          rung.reward,
          rung.coupon_template,
          rung.points,
          rung.tier_id,
          rung.invitee_too ? 1 : 0,
          SEED_EFFECTIVE_FROM,
          now,
        ],
      );
    }
    await queryRunner.dropTable('referral_rungs');

    await queryRunner.dropIndex('referral_rewards', 'uq_referral_rewards_rung');
    await queryRunner.addColumns('referral_rewards', [
      // 0: the POS welcome coupon.
      new TableColumn({ name: 'rung_id', type: 'int', default: 0 }),
      new TableColumn({ name: 'rung_revision', type: 'int', isNullable: true }),
    ]);
    await queryRunner.query('UPDATE referral_rewards SET rung_id = rung');
    await queryRunner.query(
      `UPDATE referral_rewards SET rung_revision =
         (SELECT v.revision FROM referral_rung_versions v WHERE v.rung_id = referral_rewards.rung_id)
       WHERE rung_id > 0`,
    );
    await queryRunner.createIndex(
      'referral_rewards',
      new TableIndex({ name: 'uq_referral_rewards_rung_id', columnNames: ['referrer_id', 'rung_id', 'beneficiary_id'], isUnique: true }),
    );

    await queryRunner.addColumns('referral_members', [
      new TableColumn({ name: 'qualified_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'held_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'risk_reason', type: 'varchar', length: '255', isNullable: true }),
    ]);
    // Before this, a friend qualified when attributed (registration) or at their purchase, which was not kept.
    await queryRunner.query(
      `UPDATE referral_members SET qualified_at = COALESCE(counted_at, attributed_at)
       WHERE status IN ('PENDING', 'COUNTED', 'REVIEW', 'DENIED')`,
    );
    await queryRunner.query(`UPDATE referral_members SET held_at = attributed_at WHERE status IN ('REVIEW', 'DENIED')`);
    await queryRunner.createIndex(
      'referral_members',
      new TableIndex({ name: 'idx_referral_members_held', columnNames: ['status', 'held_at', 'member_id'] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'referral_decisions',
        columns: [
          { name: 'member_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'inviter_id', type: 'varchar', length: '36' },
          // RELEASED or REJECTED.
          { name: 'decision', type: 'varchar', length: '16' },
          { name: 'reason', type: 'varchar', length: '255', isNullable: true },
          { name: 'decided_by', type: 'varchar', length: '64' },
          { name: 'decided_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
  }

  /**
   * Back to one unversioned ladder: the rungs in force now. Refused (by the old unique index) when
   * a referrer was paid two rungs that stood at one threshold at different times.
   */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('referral_decisions');
    await queryRunner.query(`UPDATE referral_members SET status = 'DENIED' WHERE status = 'REJECTED'`);
    await queryRunner.dropIndex('referral_members', 'idx_referral_members_held');
    for (const column of ['risk_reason', 'held_at', 'qualified_at']) await queryRunner.dropColumn('referral_members', column);
    await queryRunner.dropIndex('referral_rewards', 'uq_referral_rewards_rung_id');
    await queryRunner.dropColumn('referral_rewards', 'rung_revision');
    await queryRunner.dropColumn('referral_rewards', 'rung_id');
    await queryRunner.createIndex(
      'referral_rewards',
      new TableIndex({ name: 'uq_referral_rewards_rung', columnNames: ['referrer_id', 'rung', 'beneficiary_id'], isUnique: true }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'referral_rungs',
        columns: [
          { name: 'friends', type: 'int', isPrimary: true },
          { name: 'reward', type: 'varchar', length: '16' },
          { name: 'coupon_template', type: 'varchar', length: '32', isNullable: true },
          { name: 'points', type: 'int', isNullable: true },
          { name: 'tier_id', type: 'varchar', length: '32', isNullable: true },
          { name: 'invitee_too', type: 'boolean', default: false },
        ],
      }),
    );
    const versions: Array<{
      revision: number;
      rung_id: number;
      friends: number;
      reward: string;
      coupon_template: string | null;
      points: number | null;
      tier_id: string | null;
      invitee_too: number | boolean;
      retired: number | boolean;
      effective_from: string | Date;
    }> = await queryRunner.query('SELECT * FROM referral_rung_versions ORDER BY revision');
    const now = Date.now();
    const inForce = new Map<number, (typeof versions)[number]>();
    for (const version of versions) {
      const from =
        version.effective_from instanceof Date ? version.effective_from : new Date(`${version.effective_from.replace(' ', 'T')}Z`);
      if (from.getTime() <= now) inForce.set(version.rung_id, version);
    }
    for (const rung of inForce.values()) {
      if (Number(rung.retired)) continue;
      await queryRunner.query(
        'INSERT INTO referral_rungs (friends, reward, coupon_template, points, tier_id, invitee_too) VALUES (?, ?, ?, ?, ?, ?)',
        [rung.friends, rung.reward, rung.coupon_template, rung.points, rung.tier_id, rung.invitee_too ? 1 : 0],
      );
    }
    await queryRunner.dropTable('referral_rung_versions');
  }
}
