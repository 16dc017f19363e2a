import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Staff's decision on a referral risk held for REVIEW: released (counted, paid what the ladder
 * pays) or rejected (paid nothing). One per referral, keyed by the invitee: a second decision
 * cannot land beside the first.
 */
@Entity({ name: 'referral_decisions' })
export class ReferralDecision {
  /** The invitee (the referral's id). */
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'inviter_id', type: 'varchar', length: 36 })
  inviterId: string;

  @Column({ type: 'varchar', length: 16 })
  decision: 'RELEASED' | 'REJECTED';

  /** Required to reject; optional on a release. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  reason: string | null;

  /** staff:<id>. */
  @Column({ name: 'decided_by', type: 'varchar', length: 64 })
  decidedBy: string;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3 })
  decidedAt: Date;
}
