import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Points earned together, expiring together; burns take from the oldest lots first. */
@Entity({ name: 'points_lots' })
@Index('idx_points_lots_member', ['memberId', 'earnedAt'])
@Index('idx_points_lots_expiry', ['expiresAt', 'remaining'])
@Index('idx_points_lots_order', ['orderNo'])
export class PointsLot {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  /** The EARN ledger entry that created the lot. */
  @Column({ name: 'entry_id', type: 'varchar', length: 36 })
  entryId: string;

  /** The order whose earn created the lot (null for other credits): its refund claws this lot back first. */
  @Column({ name: 'order_no', type: 'varchar', length: 64, nullable: true })
  orderNo: string | null;

  @Column({ type: 'int' })
  points: number;

  /** Points of this lot still available; changed only inside the account-locked transaction. */
  @Column({ type: 'int' })
  remaining: number;

  @Column({ name: 'earned_at', type: 'datetime', precision: 3 })
  earnedAt: Date;

  /** First instant at which the lot has expired; null never expires (Diamond). */
  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true })
  expiresAt: Date | null;
}
