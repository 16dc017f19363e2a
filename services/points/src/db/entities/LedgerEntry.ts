import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';
import type { EntryType } from '../../domain/account';

/** One movement of points. Append-only: never updated or deleted; a correction is a new entry. */
// Columns carry no entity-level defaults (the migrations keep the database's): every insert writes
// every value, and TypeORM would otherwise re-read defaulted columns after each insert.
@Entity({ name: 'points_ledger' })
@Index('uq_points_ledger_member_seq', ['memberId', 'seq'], { unique: true })
export class LedgerEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'entry_type', type: 'varchar', length: 16 })
  entryType: EntryType;

  /** Signed: positive adds, negative removes. */
  @Column({ type: 'int' })
  points: number;

  @Column({ name: 'balance_after', type: 'bigint', transformer: bigintColumn })
  balanceAfter: number;

  @Column({ type: 'varchar', length: 16 })
  source: string;

  @Column({ name: 'source_ref', type: 'varchar', length: 64 })
  sourceRef: string;

  @Column({ type: 'varchar', length: 255 })
  reason: string;

  /** Who caused it: "system", a member id, "staff:<id>", "channel". */
  @Column({ type: 'varchar', length: 64 })
  actor: string;

  /** Unique: the database, not a read-then-write check, makes a retried write apply once. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 128, unique: true })
  idempotencyKey: string;

  /** LATE_ORDER: an order recorded later than ORDER_MAX_LATENESS_DAYS after it was placed, admitted by an ADMIN. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  flag: string | null;

  /**
   * The entry's place in its account's history (1, 2, 3 …), given under the account lock: the
   * order in which entries were applied, and the history's cursor. Unique per member.
   */
  @Column({ type: 'bigint', transformer: bigintColumn })
  seq: number;

  /** When the entry was applied (taken under the account lock). */
  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
