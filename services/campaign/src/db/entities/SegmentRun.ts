import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One recomputation of RFM, clusters and segments, with the clustering report operators read. */
@Entity({ name: 'segment_runs' })
export class SegmentRun {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'started_at', type: 'datetime', precision: 3 })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3 })
  finishedAt: Date;

  @Column({ type: 'int' })
  members: number;

  /** The K-means report (k, WCSS, silhouette, candidates, cluster profiles) as JSON; null: not clustered. */
  @Column({ type: 'text', nullable: true })
  clustering: string | null;

  /** JOB or the staff member who asked. */
  @Column({ name: 'triggered_by', type: 'varchar', length: 64 })
  triggeredBy: string;
}
