import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';

/** A member's RFM scores, segments and K-means cluster as of the last recomputation. */
@Entity({ name: 'member_rfm' })
@Index('idx_member_rfm_segment', ['rfmSegment'])
@Index('idx_member_rfm_customer', ['customerSegment'])
@Index('idx_member_rfm_cluster', ['cluster'])
export class MemberRfm {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  /** Days since the last purchase; null: never bought. */
  @Column({ name: 'recency_days', type: 'int', nullable: true })
  recencyDays: number | null;

  @Column({ type: 'int' })
  frequency: number;

  @Column({ name: 'monetary_fen', type: 'bigint', transformer: bigintColumn })
  monetaryFen: number;

  @Column({ name: 'spend_fen', type: 'bigint', transformer: bigintColumn })
  spendFen: number;

  @Column({ name: 'r_score', type: 'int' })
  r: number;

  @Column({ name: 'f_score', type: 'int' })
  f: number;

  @Column({ name: 'm_score', type: 'int' })
  m: number;

  @Column({ name: 'rfm_segment', type: 'varchar', length: 24 })
  rfmSegment: string;

  @Column({ name: 'customer_segment', type: 'varchar', length: 16 })
  customerSegment: string;

  /** Index into the run's clusters (segment_runs); null: too few members to cluster. */
  @Column({ type: 'int', nullable: true })
  cluster: number | null;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt: Date;
}
