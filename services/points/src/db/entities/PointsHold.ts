import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { HoldState } from '../../domain/hold';

/**
 * A two-phase spend: points taken out of the spendable balance (`PointsAccount.held`) while HELD,
 * written to the ledger as a REDEEM entry when CAPTURED, given back when RELEASED. A RELEASED row
 * with no points can also be a marker: the key was released before any hold arrived.
 */
@Entity({ name: 'points_holds' })
@Index('idx_points_holds_due', ['state', 'expiresAt'])
@Index('idx_points_holds_member', ['memberId'])
export class PointsHold {
  /** The caller's key: unique, so a retry never holds, captures or releases twice. */
  @PrimaryColumn({ name: 'hold_key', type: 'varchar', length: 128 })
  holdKey: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'int' })
  points: number;

  @Column({ type: 'varchar', length: 16 })
  state: HoldState;

  @Column({ name: 'source_ref', type: 'varchar', length: 64 })
  sourceRef: string;

  @Column({ type: 'varchar', length: 255 })
  reason: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  /** The REDEEM entry a capture wrote. */
  @Column({ name: 'entry_id', type: 'varchar', length: 36, nullable: true })
  entryId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  /** When it was captured or released. */
  @Column({ name: 'settled_at', type: 'datetime', precision: 3, nullable: true })
  settledAt: Date | null;
}
