import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One use of a cross-brand offer, once per redemption key (the caller's idempotency key, per partner). */
@Entity({ name: 'partner_redemptions' })
@Index('uq_partner_redemptions_key', ['partnerCode', 'redemptionKey'], { unique: true })
export class PartnerRedemption {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'offer_id', type: 'varchar', length: 36 })
  offerId: string;

  @Column({ name: 'partner_code', type: 'varchar', length: 64 })
  partnerCode: string;

  @Column({ name: 'redemption_key', type: 'varchar', length: 100 })
  redemptionKey: string;

  /** Our member. */
  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  /** US_TO_PARTNER: the partner's id of the member it brought. */
  @Column({ name: 'partner_member_id', type: 'varchar', length: 64, nullable: true })
  partnerMemberId: string | null;

  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ name: 'redeemed_at', type: 'datetime', precision: 3 })
  redeemedAt: Date;
}
