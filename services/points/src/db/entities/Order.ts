import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn, type Channel } from '../../../../kit/src';

/** An order ingested from a channel. The order number is the primary key: the same order counts once. */
// Columns carry no entity-level defaults (the migrations keep the database's): every insert writes
// every value, and TypeORM would otherwise re-read defaulted columns after each insert.
@Entity({ name: 'orders' })
@Index('idx_orders_member', ['memberId'])
@Index('idx_orders_unannounced', ['announcedAt', 'createdAt'])
export class Order {
  @PrimaryColumn({ name: 'order_no', type: 'varchar', length: 64 })
  orderNo: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintColumn })
  amountFen: number;

  @Column({ type: 'varchar', length: 16 })
  channel: Channel;

  /** The store (POS) or shop the order was placed in, when the channel knows it. */
  @Column({ name: 'store_id', type: 'varchar', length: 32, nullable: true })
  storeId: string | null;

  /** The order lines as JSON ([{ sku, quantity, amountFen }]), when sent. */
  @Column({ type: 'text', nullable: true })
  items: string | null;

  @Column({ name: 'points_earned', type: 'int' })
  pointsEarned: number;

  /** Refunded so far; refunds can never exceed the amount. */
  @Column({ name: 'refunded_fen', type: 'bigint', transformer: bigintColumn })
  refundedFen: number;

  @Column({ name: 'points_clawed', type: 'int' })
  pointsClawed: number;

  /** When the order was recorded here. */
  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  /** When the order was placed: it earns with the tier and the campaigns in force then. */
  @Column({ name: 'ordered_at', type: 'datetime', precision: 3 })
  orderedAt: Date;

  /**
   * When the order's announcements (activity, spend, assessment) were handed on: with the order in
   * its transaction (the outbox's events), or later by the announcer; NULL while the order row alone
   * carries them (a quiet earn: announceOrders.ts).
   */
  @Column({ name: 'announced_at', type: 'datetime', precision: 3, nullable: true })
  announcedAt: Date | null;
}
