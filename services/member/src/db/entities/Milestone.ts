import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A milestone a member reached (DOMAIN.md §2), once per kind and period: the unique key says so. */
@Entity({ name: 'member_milestones' })
@Index('uq_member_milestones', ['memberId', 'kind', 'period'], { unique: true })
export class Milestone {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  /** FIRST_TOP_TIER (first upgrade to the top tier), TWELFTH_PURCHASE (12 purchases within a year). */
  @Column({ type: 'varchar', length: 24 })
  kind: string;

  /** "" for once-in-a-lifetime milestones; for TWELFTH_PURCHASE the day it was reached (YYYYMMDD). */
  @Column({ type: 'varchar', length: 8 })
  period: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
