import type { DataSource } from 'typeorm';
import { DomainError } from '../../../kit/src';
import { Experiment } from '../db/entities/Experiment';
import { experimentByKey, type LoadedExperiment } from '../db/experiments';

/**
 * Stops a running experiment, promoting `promote` (a variant key) so everyone sees it from now on,
 * or none (members keep their groups; nothing more is recorded). Once only: a guarded UPDATE on
 * RUNNING, so two operators stopping at once cannot promote two winners.
 */
export async function stopExperiment(
  dataSource: DataSource,
  input: { experimentKey: string; promote?: string | null },
  now = new Date(),
): Promise<LoadedExperiment> {
  const experiment = await experimentByKey(dataSource, input.experimentKey);
  const promote = input.promote ?? null;
  if (promote !== null && !experiment.plan.variants.some((v) => v.key === promote)) {
    throw new DomainError('BAD_USER_INPUT', `promote must be one of ${experiment.plan.variants.map((v) => v.key).join(', ')}`, {
      field: 'promote',
    });
  }
  const stopped = await dataSource
    .getRepository(Experiment)
    .update({ id: experiment.id, status: 'RUNNING' }, { status: 'STOPPED', winnerKey: promote, stoppedAt: now });
  if (stopped.affected !== 1)
    throw new DomainError('CONFLICT', `experiment ${experiment.key} is stopped already`, { field: 'experimentKey' });
  return experimentByKey(dataSource, experiment.key);
}
