import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RewardKind } from './ReferralRungVersion';

/**
 * A reward owed by the ladder (or the POS welcome coupon, rung 0): one row per (referrer, rung id,
 * beneficiary), whatever edits the rung went through; it keeps the figures and the rung version it
 * was owed under.
 */
@Entity({ name: 'referral_rewards' })
@Index('uq_referral_rewards_rung_id', ['referrerId', 'rungId', 'beneficiaryId'], { unique: true })
@Index('idx_referral_rewards_beneficiary', ['beneficiaryId'])
export class ReferralReward {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'referrer_id', type: 'varchar', length: 36 })
  referrerId: string;

  /** The rung's threshold (friends) in the version it was owed under; 0 for the POS welcome coupon. */
  @Column({ type: 'int' })
  rung: number;

  /** The rung's stable id (0: the POS welcome coupon). */
  @Column({ name: 'rung_id', type: 'int' })
  rungId: number;

  /** The ladder revision (ReferralRungVersion) it was owed under; null for the POS welcome coupon. */
  @Column({ name: 'rung_revision', type: 'int', nullable: true })
  rungRevision: number | null;

  @Column({ name: 'beneficiary_id', type: 'varchar', length: 36 })
  beneficiaryId: string;

  @Column({ name: 'invitee_id', type: 'varchar', length: 36 })
  inviteeId: string;

  @Column({ type: 'varchar', length: 16 })
  reward: RewardKind;

  @Column({ name: 'coupon_template', type: 'varchar', length: 32, nullable: true })
  couponTemplate: string | null;

  @Column({ type: 'int', nullable: true })
  points: number | null;

  @Column({ name: 'tier_id', type: 'varchar', length: 32, nullable: true })
  tierId: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: 'PENDING' | 'GRANTED';

  @Column({ name: 'idempotency_key', type: 'varchar', length: 100, unique: true })
  idempotencyKey: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'granted_at', type: 'datetime', precision: 3, nullable: true })
  grantedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;
}
