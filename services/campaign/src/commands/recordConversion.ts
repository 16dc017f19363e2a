import { IsNull, type DataSource } from 'typeorm';
import { recordExposure } from './recordExposure';
import { ExperimentParticipant } from '../db/entities/ExperimentParticipant';
import { experimentByKey } from '../db/experiments';

/**
 * A member converted (registered with the offer, placed the first order …): counted once per
 * member by a guarded UPDATE (converted_at IS NULL). A member converting without a recorded
 * exposure is exposed first, in their hashed group: they saw the offer in some channel.
 * A stopped experiment takes no more conversions (its results are final).
 */
export async function recordConversion(
  dataSource: DataSource,
  input: { experimentKey: string; memberId: string; channel: string },
  now = new Date(),
): Promise<{ variantKey: string; recorded: boolean }> {
  const exposure = await recordExposure(dataSource, input, now);
  const experiment = await experimentByKey(dataSource, input.experimentKey);
  if (experiment.status !== 'RUNNING') return { variantKey: exposure.variantKey, recorded: false };
  const converted = await dataSource
    .getRepository(ExperimentParticipant)
    .update({ experimentId: experiment.id, memberId: exposure.memberId, convertedAt: IsNull() }, { convertedAt: now });
  return { variantKey: exposure.variantKey, recorded: converted.affected === 1 };
}
