import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';

/**
 * A member's spend as the points service last sent it (RecordSpendStats): the orders of its rolling
 * window at `asOf`, from which Member.benefits computes the figures at any later instant
 * (domain/spendWindow.ts). One row per member; a newer `asOf` replaces it, an older one never does.
 */
@Entity({ name: 'member_spend' })
export class MemberSpend {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'as_of', type: 'datetime', precision: 3 })
  asOf: Date;

  @Column({ name: 'window_ms', type: 'bigint', transformer: bigintColumn })
  windowMs: number;

  /** The window's orders as JSON `[[orderedAtMs, netFen, counted 0|1], …]` (mediumtext on MySQL: a busy member has thousands). */
  @Column({ type: 'text' })
  orders: string;
}
