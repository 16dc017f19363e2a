import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Points of an order still inside its return window: not in the balance, not in the ledger, until
 * released. A refund inside the window reduces them directly.
 */
@Entity({ name: 'points_pending' })
@Index('idx_points_pending_due', ['releasedAt', 'availableAt'])
@Index('idx_points_pending_member', ['memberId'])
export class PendingPoints {
  /** One per order. */
  @PrimaryColumn({ name: 'order_no', type: 'varchar', length: 64 })
  orderNo: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  /** Points still to be released (refunds inside the window have been taken off). */
  @Column({ type: 'int' })
  points: number;

  @Column({ name: 'available_at', type: 'datetime', precision: 3 })
  availableAt: Date;

  /** Expiry the lot gets when released (null: never, e.g. Diamond). */
  @Column({ name: 'lot_expires_at', type: 'datetime', precision: 3, nullable: true })
  lotExpiresAt: Date | null;

  @Column({ name: 'released_at', type: 'datetime', precision: 3, nullable: true })
  releasedAt: Date | null;

  /** The flag the EARN entry gets when released: LATE_ORDER for an order recorded later than the programme allows. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  flag: string | null;
}
