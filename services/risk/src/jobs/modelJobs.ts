import type { DataSource } from 'typeorm';
import { runUnderLease } from '../../../kit/src';
import {
  evaluateMemberModels,
  trainMemberModels,
  type EvaluationOutcome,
  type ModelPeers,
  type ModelSettings,
  type TrainingOutcome,
} from '../commands/memberModels';

/** Long enough for a page to come back and the heartbeat to renew it; a crashed run is taken over after it. */
const LEASE_MS = 120_000;

/** The quarter an instant falls in (UTC), e.g. "2026-Q4": the retrain's run key. */
export function quarterOf(at: Date): string {
  return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
}

/**
 * The quarterly retrain (DOMAIN.md §6), once per quarter across replicas and CronJob runs (the
 * lease's run key): a run that failed is not marked done, so the next one retries it. Null when
 * another process holds the lease or this quarter is already trained.
 */
export function leasedRetrain(
  dataSource: DataSource,
  peers: ModelPeers,
  settings: ModelSettings,
  now = new Date(),
): Promise<TrainingOutcome | null> {
  return runUnderLease(dataSource, { job: 'risk-model-retrain', runKey: quarterOf(now), leaseMs: LEASE_MS }, () =>
    trainMemberModels(dataSource, peers, settings, 'job:retrain', now),
  );
}

/** The monthly re-evaluation and scoring, once per month (run key YYYY-MM). */
export function leasedEvaluation(
  dataSource: DataSource,
  peers: ModelPeers,
  settings: ModelSettings,
  now = new Date(),
): Promise<EvaluationOutcome | null> {
  return runUnderLease(dataSource, { job: 'risk-model-evaluation', runKey: now.toISOString().slice(0, 7), leaseMs: LEASE_MS }, () =>
    evaluateMemberModels(dataSource, peers, settings, now),
  );
}
