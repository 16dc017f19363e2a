import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RewardKind } from './ReferralRung';

/** A reward owed by the ladder (or the POS welcome coupon, rung 0): one row per (referrer, rung, beneficiary). */
@Entity({ name: 'referral_rewards' })
@Index('uq_referral_rewards_rung', ['referrerId', 'rung', 'beneficiaryId'], { unique: true })
@Index('idx_referral_rewards_beneficiary', ['beneficiaryId'])
export class ReferralReward {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'referrer_id', type: 'varchar', length: 36 })
  referrerId: string;

  @Column({ type: 'int' })
  rung: number;

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
