import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, isUniqueViolation } from '../../../kit/src';
import { Experiment } from '../db/entities/Experiment';
import { withPlan, type LoadedExperiment } from '../db/experiments';
import { planExperiment, type ExperimentInput } from '../domain/experiment';

/** Starts an experiment: validated plan, running at once. A taken key is CONFLICT, nothing written. */
export async function createExperiment(dataSource: DataSource, input: ExperimentInput, actor: string): Promise<LoadedExperiment> {
  const plan = planExperiment(input);
  const row = Object.assign(new Experiment(), {
    id: randomUUID(),
    key: plan.key,
    name: plan.name,
    salt: plan.salt,
    holdoutMilli: plan.holdoutMilli,
    variants: JSON.stringify(plan.variants),
    status: 'RUNNING' as const,
    winnerKey: null,
    createdAt: new Date(),
    stoppedAt: null,
    createdBy: actor.slice(0, 64),
  });
  try {
    await dataSource.getRepository(Experiment).insert(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', `an experiment ${plan.key} exists already`, { field: 'key' });
    throw error;
  }
  return withPlan(row);
}
