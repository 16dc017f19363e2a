import { DomainError, parseCnyToFen, parseDecimalToMilli } from '../../../kit/src';
import { namedTier, type TierRule } from './tiers';

export interface TierEdit {
  name?: string | null;
  spendThreshold?: string | null;
  purchaseThreshold?: number | null;
  rule?: 'AND' | 'OR' | null;
  multiplier?: string | null;
  pointsNeverExpire?: boolean | null;
}

/** The tier after an edit; the whole ladder must still climb (higher rank, no lower thresholds). */
export function editTier(ladder: readonly TierRule[], tierId: string, edit: TierEdit): TierRule {
  const next: TierRule = { ...namedTier(ladder, tierId, 'id') };
  if (edit.name != null) {
    if (edit.name.trim().length === 0 || edit.name.length > 64)
      throw new DomainError('BAD_USER_INPUT', 'name must be 1–64 characters', { field: 'name' });
    next.name = edit.name.trim();
  }
  if (edit.spendThreshold != null) next.spendThresholdFen = parseCnyToFen(edit.spendThreshold, 'spendThreshold');
  if (edit.purchaseThreshold != null) {
    if (!Number.isInteger(edit.purchaseThreshold) || edit.purchaseThreshold < 0 || edit.purchaseThreshold > 100_000) {
      throw new DomainError('BAD_USER_INPUT', 'purchaseThreshold must be between 0 and 100000', { field: 'purchaseThreshold' });
    }
    next.purchaseThreshold = edit.purchaseThreshold;
  }
  if (edit.rule != null) next.rule = edit.rule;
  if (edit.multiplier != null) next.multiplierMilli = parseDecimalToMilli(edit.multiplier, 'multiplier', { min: 100, max: 10_000 });
  if (edit.pointsNeverExpire != null) next.pointsNeverExpire = edit.pointsNeverExpire;

  const ladderAfter = ladder.map((t) => (t.id === tierId ? next : t)).sort((a, b) => a.rank - b.rank);
  for (let i = 1; i < ladderAfter.length; i += 1) {
    const [lower, higher] = [ladderAfter[i - 1], ladderAfter[i]];
    if (higher.spendThresholdFen < lower.spendThresholdFen || higher.purchaseThreshold < lower.purchaseThreshold) {
      throw new DomainError('BAD_USER_INPUT', `${higher.id} would need less than ${lower.id}: thresholds must not fall as rank rises`, {
        field: 'input',
      });
    }
  }
  return next;
}
