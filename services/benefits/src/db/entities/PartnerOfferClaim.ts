import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many times a member of ours has redeemed a cross-brand offer with a per-member limit: one row
 * per pair, raised by a guarded UPDATE (… WHERE redeemed < limit) in the redemption's transaction,
 * so the limit holds under simultaneous redemptions.
 */
@Entity({ name: 'partner_offer_claims' })
export class PartnerOfferClaim {
  @PrimaryColumn({ name: 'offer_id', type: 'varchar', length: 36 })
  offerId: string;

  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'int' })
  redeemed: number;
}
