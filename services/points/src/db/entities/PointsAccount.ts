import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';

/**
 * The materialised balance (always Σ ledger, and Σ remaining of the lots). Changed only inside the
 * transaction that appends the ledger entries, with the row locked and the UPDATE guarded by version.
 */
// Columns carry no entity-level defaults (the migrations keep the database's): every insert writes
// every value, and TypeORM would otherwise re-read defaulted columns after each insert.
@Entity({ name: 'points_accounts' })
export class PointsAccount {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'bigint', transformer: bigintColumn })
  balance: number;

  /** Points clawed back by refunds that the balance could not cover; netted against future earns. */
  @Column({ type: 'bigint', transformer: bigintColumn })
  debt: number;

  /**
   * Points taken by open holds (two-phase spends not yet captured or released): part of the
   * balance, not spendable. Burns and new holds see balance − held.
   */
  @Column({ type: 'bigint', transformer: bigintColumn })
  held: number;

  @Column({ type: 'int' })
  version: number;

  /** The seq of the account's latest ledger entry (0: none yet). */
  @Column({ name: 'last_seq', type: 'bigint', transformer: bigintColumn })
  lastSeq: number;

  /**
   * An upper bound of the member's 12-month spend (fen, net of refunds): every order placed from
   * `boundSince` on as counted at the last refresh, plus every order recorded since (at any time).
   * Aging and refunds only lower the true figures, so it stays ≥ them for any 12 months starting at
   * or after `boundSince`; whatever adds activity another way (a merge) sets all three NULL: not known.
   * See activityBound.ts.
   */
  @Column({ name: 'bound_spend_fen', type: 'bigint', nullable: true, transformer: bigintColumn })
  boundSpendFen: number | null;

  /** The same upper bound of the member's 12-month purchases. */
  @Column({ name: 'bound_purchases', type: 'int', nullable: true })
  boundPurchases: number | null;

  /** Where the orders the bound counted at its last refresh begin (that refresh's 12 months' start). */
  @Column({ name: 'bound_since', type: 'datetime', precision: 3, nullable: true })
  boundSince: Date | null;
}
