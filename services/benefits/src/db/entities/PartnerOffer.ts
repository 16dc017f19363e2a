import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';
import type { OfferDirection, OfferFunder } from '../../domain/partners';

/**
 * A cross-brand offer: a partner's offer for our members (PARTNER_TO_US) or ours for the members a
 * partner brings (US_TO_PARTNER), at an agreed price per redemption that one of the two brands
 * funds. Never edited: terms that change are a new offer, so past redemptions keep theirs.
 */
@Entity({ name: 'partner_offers' })
@Index('idx_partner_offers_partner', ['partnerCode'])
@Index('idx_partner_offers_created', ['createdAt', 'id'])
export class PartnerOffer {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'partner_code', type: 'varchar', length: 64 })
  partnerCode: string;

  @Column({ type: 'varchar', length: 16 })
  direction: OfferDirection;

  @Column({ type: 'varchar', length: 128 })
  title: string;

  @Column({ type: 'varchar', length: 512 })
  description: string;

  /** What the funder pays the other brand for each redemption. */
  @Column({ name: 'price_fen', type: 'bigint', transformer: bigintColumn })
  priceFen: number;

  @Column({ name: 'funded_by', type: 'varchar', length: 8 })
  fundedBy: OfferFunder;

  @Column({ name: 'valid_from', type: 'datetime', precision: 3 })
  validFrom: Date;

  @Column({ name: 'valid_to', type: 'datetime', precision: 3 })
  validTo: Date;

  /** Redemptions the offer allows in all; null: no limit. */
  @Column({ type: 'int', nullable: true })
  stock: number | null;

  /** What is left of `stock`, taken by a guarded UPDATE (… WHERE stock_left > 0) as each redemption is written. */
  @Column({ name: 'stock_left', type: 'int', nullable: true })
  stockLeft: number | null;

  /** Redemptions one member of ours may make (counted in partner_offer_claims); null: no limit. */
  @Column({ name: 'per_member_limit', type: 'int', nullable: true })
  perMemberLimit: number | null;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
