import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, parseInstant, parseReason } from '../../../kit/src';
import { TierVersion } from '../db/entities/TierVersion';
import { loadLadder, tierVersionsChanged } from '../db/ladder';
import { editTier, type TierEdit } from '../domain/tierEdit';
import type { TierRule } from '../domain/tiers';
import { enqueueLadderChanged } from './memberEvents';

/** How far in the past `effectiveFrom` may be: the clock of the staff's browser, not a rewrite of history. */
const CLOCK_SKEW_MS = 60_000;

/**
 * Adds a version of a tier from `effectiveFrom` (now by default): tiers are versioned data, so
 * orders already earned keep the rules they were earned under. Answers the tier as edited.
 */
export async function updateTier(
  dataSource: DataSource,
  input: { id: string; input: TierEdit; reason: string; effectiveFrom?: string | null },
  actor: string,
  now = new Date(),
): Promise<TierRule> {
  const reason = parseReason(input.reason);
  const effectiveFrom = input.effectiveFrom == null ? now : parseInstant(input.effectiveFrom, 'effectiveFrom');
  if (effectiveFrom.getTime() < now.getTime() - CLOCK_SKEW_MS) {
    throw new DomainError('BAD_USER_INPUT', 'effectiveFrom cannot be in the past: history is never rewritten', {
      field: 'effectiveFrom',
    });
  }
  const edited = editTier(await loadLadder(dataSource, effectiveFrom), input.id, input.input);
  // The version and its announcement together: points, which holds the ladder to earn, reads it again.
  await inTransaction(dataSource, async (manager) => {
    await manager.insert(TierVersion, {
      id: randomUUID(),
      tierId: edited.id,
      effectiveFrom,
      name: edited.name,
      rank: edited.rank,
      spendThresholdFen: edited.spendThresholdFen,
      purchaseThreshold: edited.purchaseThreshold,
      rule: edited.rule,
      multiplierMilli: edited.multiplierMilli,
      pointsNeverExpire: edited.pointsNeverExpire,
      createdBy: actor,
      reason,
      createdAt: now,
    });
    await enqueueLadderChanged(manager, edited.id, effectiveFrom, now);
  });
  tierVersionsChanged(dataSource);
  return { ...edited, effectiveFrom };
}
