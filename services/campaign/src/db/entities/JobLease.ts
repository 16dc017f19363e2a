import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Who may run a scheduled job now: one row per job, taken by a guarded UPDATE (free or expired),
 * so of several replicas exactly one runs it; a crashed holder's lease simply runs out.
 */
@Entity({ name: 'job_leases' })
export class JobLease {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  job: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  holder: string | null;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  /** The run (e.g. the day or the cycle) last finished: a finished run is not started again. */
  @Column({ name: 'last_run_key', type: 'varchar', length: 64, nullable: true })
  lastRunKey: string | null;

  @Column({ name: 'last_finished_at', type: 'datetime', precision: 3, nullable: true })
  lastFinishedAt: Date | null;
}
