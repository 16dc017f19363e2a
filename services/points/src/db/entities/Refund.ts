import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';

/** One refund of an order; the refund number is the key, so a retried refund counts once. */
@Entity({ name: 'points_refunds' })
export class Refund {
  @PrimaryColumn({ name: 'refund_no', type: 'varchar', length: 64 })
  refundNo: string;

  @Column({ name: 'order_no', type: 'varchar', length: 64 })
  orderNo: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintColumn })
  amountFen: number;

  /** Points this refund clawed back (from the balance and as debt together). */
  @Column({ name: 'points_clawed', type: 'int' })
  pointsClawed: number;

  /** Of those, what the balance could not cover and became debt. */
  @Column({ name: 'debt_added', type: 'int' })
  debtAdded: number;

  /** Points of checkout offsets on the order that this refund gave back (REVERSAL entries). */
  @Column({ name: 'points_returned', type: 'int' })
  pointsReturned: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
