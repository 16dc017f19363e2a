import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ReferralStatus = 'NONE' | 'WAITING' | 'PENDING' | 'COUNTED' | 'REVIEW' | 'DENIED' | 'REJECTED';

/** A registration as the campaign service learnt it from the member service, with its attribution. */
@Entity({ name: 'referral_members' })
@Index('idx_referral_members_inviter', ['inviterId', 'status'])
@Index('idx_referral_members_attributed', ['attributedAt'])
@Index('idx_referral_members_held', ['status', 'heldAt', 'memberId'])
export class ReferralMember {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  @Column({ name: 'registered_at', type: 'datetime', precision: 3 })
  registeredAt: Date;

  @Column({ name: 'inviter_id', type: 'varchar', length: 36, nullable: true })
  inviterId: string | null;

  @Column({ name: 'referral_code', type: 'varchar', length: 16, nullable: true })
  referralCode: string | null;

  @Column({ name: 'attributed_at', type: 'datetime', precision: 3, nullable: true })
  attributedAt: Date | null;

  @Column({ type: 'varchar', length: 16 })
  status: ReferralStatus;

  @Column({ name: 'counted_at', type: 'datetime', precision: 3, nullable: true })
  countedAt: Date | null;

  /** When the friend's qualifying event happened: they count with the ladder in force then (also when staff release them later). */
  @Column({ name: 'qualified_at', type: 'datetime', precision: 3, nullable: true })
  qualifiedAt: Date | null;

  /** When risk answered REVIEW or DENY, and why (what staff working the review queue read). */
  @Column({ name: 'held_at', type: 'datetime', precision: 3, nullable: true })
  heldAt: Date | null;

  @Column({ name: 'risk_reason', type: 'varchar', length: 255, nullable: true })
  riskReason: string | null;
}
