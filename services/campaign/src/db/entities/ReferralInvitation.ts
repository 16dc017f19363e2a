import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A member shared their referral payload on a channel: the K-factor's invitations. */
@Entity({ name: 'referral_invitations' })
@Index('idx_referral_invitations_member', ['memberId', 'createdAt'])
@Index('idx_referral_invitations_at', ['createdAt', 'channel'])
export class ReferralInvitation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
