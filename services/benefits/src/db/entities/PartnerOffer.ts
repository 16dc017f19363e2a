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

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
