import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';

/**
 * Points that paid part of an order at checkout (offsetCheckout), tied to that order: a refund of
 * the order gives them back in proportion, from the lots they were taken from.
 */
@Entity({ name: 'points_order_offsets' })
@Index('idx_points_order_offsets_order', ['orderNo'])
export class OrderOffset {
  /** The ledger key of its REDEEM entry (DEBIT:<client key>): one offset per key. */
  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 128 })
  idempotencyKey: string;

  @Column({ name: 'order_no', type: 'varchar', length: 64 })
  orderNo: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'int' })
  points: number;

  /** The CNY taken off, in fen. */
  @Column({ name: 'offset_fen', type: 'bigint', transformer: bigintColumn })
  offsetFen: number;

  /**
   * The points taken per lot, in the order they were taken, as JSON [{ points, expiresAt }]
   * (expiresAt ISO or null): what a refund gives back keeps the lot's expiry.
   */
  @Column({ type: 'text' })
  taken: string;

  /** Given back so far by refunds of the order; never more than `points`. */
  @Column({ name: 'points_returned', type: 'int' })
  pointsReturned: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
