import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Column, Entity, PrimaryColumn, Table, type DataSource, type QueryRunner } from 'typeorm';

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

/** The job_leases table, for a service's migration (points had it first: NoticesLeases). */
export async function createJobLeaseTable(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.createTable(
    new Table({
      name: 'job_leases',
      columns: [
        { name: 'job', type: 'varchar', length: '64', isPrimary: true },
        { name: 'holder', type: 'varchar', length: '64', isNullable: true },
        { name: 'expires_at', type: 'datetime', precision: 3 },
        { name: 'last_run_key', type: 'varchar', length: '64', isNullable: true },
        { name: 'last_finished_at', type: 'datetime', precision: 3, isNullable: true },
      ],
    }),
  );
}

/** Who this process is when it holds a lease (visible in job_leases while it runs). */
export const LEASE_HOLDER = `${hostname().slice(0, 27)}:${process.pid}:${randomUUID().slice(0, 8)}`;

export interface LeasedRun {
  /** The job's name: one lease row per job. */
  job: string;
  /** The run, e.g. a day or a cycle: once a run has finished, no one starts it again. */
  runKey: string;
  /** How long the lease lasts without a heartbeat: a crashed holder's run is taken over after it. */
  leaseMs: number;
  holder?: string;
}

/**
 * Runs `work` for `run.runKey` in at most one process at a time, across replicas: the lease is
 * taken by a guarded UPDATE (free or expired, and that run not finished yet), renewed while the
 * work runs, and released with the run marked finished. Answers null when another process holds
 * it or the run is already done. A failed or crashed run is not marked finished, so the next
 * attempt resumes it: the work must be idempotent (every job here is, by unique keys).
 */
export async function runUnderLease<T>(dataSource: DataSource, run: LeasedRun, work: () => Promise<T>): Promise<T | null> {
  const holder = run.holder ?? LEASE_HOLDER;
  const leases = dataSource.getRepository(JobLease);
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(JobLease)
    .values({ job: run.job, holder: null, expiresAt: new Date(0), lastRunKey: null, lastFinishedAt: null })
    .orIgnore()
    .execute();
  const now = new Date();
  const taken = await leases
    .createQueryBuilder()
    .update()
    .set({ holder, expiresAt: new Date(now.getTime() + run.leaseMs) })
    .where('job = :job AND expires_at <= :now AND (last_run_key IS NULL OR last_run_key <> :runKey)', {
      job: run.job,
      now,
      runKey: run.runKey,
    })
    .execute();
  if (taken.affected !== 1) return null;
  const renew = () => leases.update({ job: run.job, holder }, { expiresAt: new Date(Date.now() + run.leaseMs) }).catch(() => undefined);
  const heartbeat = setInterval(renew, Math.max(1, Math.floor(run.leaseMs / 3)));
  heartbeat.unref();
  try {
    const result = await work();
    await leases.update(
      { job: run.job, holder },
      { holder: null, expiresAt: new Date(), lastRunKey: run.runKey, lastFinishedAt: new Date() },
    );
    return result;
  } catch (error) {
    await leases.update({ job: run.job, holder }, { holder: null, expiresAt: new Date() }).catch(() => undefined);
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}
