import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RewardKind = 'COUPON' | 'POINTS' | 'TIER';

/** One rung of the referral ladder: what `friends` counted referrals earn (data, seeded with DOMAIN.md §5). */
@Entity({ name: 'referral_rungs' })
export class ReferralRung {
  @PrimaryColumn({ type: 'int' })
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
}
