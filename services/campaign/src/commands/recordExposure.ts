import type { DataSource } from 'typeorm';
import { isUniqueViolation, parseChannel, parseMemberId } from '../../../kit/src';
import { ExperimentParticipant } from '../db/entities/ExperimentParticipant';
import { experimentByKey } from '../db/experiments';
import { assignVariant } from '../domain/experiment';

export interface Exposure {
  experimentKey: string;
  memberId: string;
  /** The group the member sees: a variant key or HOLDOUT (the winner once promoted). */
  variantKey: string;
  /** False when the member had been exposed before (the first exposure counts). */
  recorded: boolean;
}

/**
 * A member saw the experiment in a channel: their group comes from the hash, the first exposure is
 * stored (primary key experiment + member), repeats change nothing. A stopped experiment records no
 * more exposures and answers the promoted winner (or the member's old group without one).
 */
export async function recordExposure(
  dataSource: DataSource,
  input: { experimentKey: string; memberId: string; channel: string },
  now = new Date(),
): Promise<Exposure> {
  const memberId = parseMemberId(input.memberId);
  const channel = parseChannel(input.channel);
  const experiment = await experimentByKey(dataSource, input.experimentKey);
  const variantKey = assignVariant({ ...experiment.plan, winnerKey: experiment.winnerKey }, memberId);
  if (experiment.status !== 'RUNNING') return { experimentKey: experiment.key, memberId, variantKey, recorded: false };
  try {
    await dataSource
      .getRepository(ExperimentParticipant)
      .insert({ experimentId: experiment.id, memberId, variantKey, channel, exposedAt: now, convertedAt: null });
    return { experimentKey: experiment.key, memberId, variantKey, recorded: true };
  } catch (error) {
    if (isUniqueViolation(error)) return { experimentKey: experiment.key, memberId, variantKey, recorded: false };
    throw error;
  }
}
