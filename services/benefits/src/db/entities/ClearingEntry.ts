import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';
import type { OfferDirection, OfferFunder } from '../../domain/partners';

/**
 * The clearing ledger between brands: append-only, one entry per cross-brand redemption (a unique
 * redemption id), written in the redemption's transaction. The funder owes the other brand the
 * offer's agreed price; a monthly statement per partner is the sum of its entries of the month.
 */
@Entity({ name: 'clearing_entries' })
@Index('idx_clearing_partner_period', ['partnerCode', 'period'])
export class ClearingEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('uq_clearing_redemption', { unique: true })
  @Column({ name: 'redemption_id', type: 'varchar', length: 36 })
  redemptionId: string;

  @Column({ name: 'partner_code', type: 'varchar', length: 64 })
  partnerCode: string;

  @Column({ name: 'offer_id', type: 'varchar', length: 36 })
  offerId: string;

  @Column({ type: 'varchar', length: 16 })
  direction: OfferDirection;

  /** Who pays: US (a payable to the partner) or PARTNER (a receivable from it). */
  @Column({ type: 'varchar', length: 8 })
  payer: OfferFunder;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintColumn })
  amountFen: number;

  /** YYYY-MM in the programme's time zone: the statement the entry belongs to. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 })
  recordedAt: Date;
}
