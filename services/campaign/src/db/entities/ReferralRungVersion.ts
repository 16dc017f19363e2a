import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RewardKind } from '../../domain/referralLadder';

export type { RewardKind };

/**
 * One version of a rung of the referral ladder (domain/referralLadder.ts): what `friends` counted
 * referrals earn from `effectiveFrom` until the rung's next version. Append-only; a retirement is
 * a version with `retired` (the figures of the rung it ends, for reading history).
 */
@Entity({ name: 'referral_rung_versions' })
@Index('idx_referral_rung_versions_rung', ['rungId', 'effectiveFrom'])
export class ReferralRungVersion {
  /** 1, 2, 3 … over the whole ladder: two edits planned against the same ladder cannot both land. */
  @PrimaryColumn({ type: 'int' })
  revision: number;

  /** The rung's stable id across its versions; rewards are owed once per (referrer, rung id). */
  @Column({ name: 'rung_id', type: 'int' })
  rungId: number;

  @Column({ type: 'int' })
  friends: number;

  @Column({ type: 'varchar', length: 16 })
  reward: RewardKind;

  @Column({ name: 'coupon_template', type: 'varchar', length: 32, nullable: true })
  couponTemplate: string | null;

  @Column({ type: 'int', nullable: true })
  points: number | null;

  @Column({ name: 'tier_id', type: 'varchar', length: 32, nullable: true })
  tierId: string | null;

  @Column({ name: 'invitee_too', type: 'boolean', default: false })
  inviteeToo: boolean;

  @Column({ type: 'boolean', default: false })
  retired: boolean;

  @Column({ name: 'effective_from', type: 'datetime', precision: 3 })
  effectiveFrom: Date;

  /** Who made the version (staff:<id>, or system for the seed) and why. */
  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ type: 'varchar', length: 255 })
  reason: string;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 })
  recordedAt: Date;
}
