import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member's referral code (one each, unique). */
@Entity({ name: 'referral_codes' })
export class ReferralCode {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'varchar', length: 16, unique: true })
  code: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
