import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, isUniqueViolation, parseIdempotencyKey, parsePositiveFen } from '../../../kit/src';
import { ExperimentCost } from '../db/entities/ExperimentCost';
import { experimentByKey } from '../db/experiments';
import { HOLDOUT } from '../domain/experiment';

/**
 * Money spent on one group of an experiment (the coupons a variant handed out, its ads): once per
 * idempotency key, with a strict replay — the same key for a different cost is CONFLICT.
 */
export async function recordExperimentCost(
  dataSource: DataSource,
  input: { experimentKey: string; variantKey: string; amount: string; idempotencyKey: string },
  actor: string,
  now = new Date(),
): Promise<{ costId: string; amountFen: number; replayed: boolean }> {
  const amountFen = parsePositiveFen(input.amount);
  const idempotencyKey = parseIdempotencyKey(input.idempotencyKey);
  const experiment = await experimentByKey(dataSource, input.experimentKey);
  const groups = [...experiment.plan.variants.map((v) => v.key), ...(experiment.holdoutMilli > 0 ? [HOLDOUT] : [])];
  if (!groups.includes(input.variantKey)) {
    throw new DomainError('BAD_USER_INPUT', `variantKey must be one of ${groups.join(', ')}`, { field: 'variantKey' });
  }
  const replay = async () => {
    const known = await dataSource.getRepository(ExperimentCost).findOneBy({ experimentId: experiment.id, idempotencyKey });
    if (!known) return null;
    if (known.variantKey !== input.variantKey || known.amountFen !== amountFen) {
      throw new DomainError('CONFLICT', 'this idempotency key was used for a different cost', { field: 'idempotencyKey' });
    }
    return { costId: known.id, amountFen, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const row = {
    id: randomUUID(),
    experimentId: experiment.id,
    variantKey: input.variantKey,
    amountFen,
    idempotencyKey,
    recordedAt: now,
    recordedBy: actor.slice(0, 64),
  };
  try {
    await dataSource.getRepository(ExperimentCost).insert(row);
    return { costId: row.id, amountFen, replayed: false };
  } catch (error) {
    // A concurrent retry with the same key won the insert: answer as its replay.
    if (isUniqueViolation(error)) return (await replay())!;
    throw error;
  }
}
