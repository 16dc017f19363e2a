/**
 * The programme's upgrade rule (DOMAIN.md §2) as pure functions over the ladder's thresholds. Its
 * home is the member service's tier engine (services/member/src/domain/tierEngine.ts), which
 * decides; it lives here because the points service applies the same rule to tell whether an earn
 * can upgrade its member at all (and so must report the activity before it answers). One rule,
 * never a copy that could drift.
 */

/** What the rule reads of a rung of the ladder. Thresholds are integers (fen, purchases). */
export interface TierThresholds {
  rank: number;
  spendThresholdFen: number;
  purchaseThreshold: number;
  /** AND: both thresholds must be met; OR: either. */
  rule: 'AND' | 'OR';
}

/** A member's qualifying activity over the rolling last 12 months (spend net of refunds). */
export interface QualifyingStats {
  spendFen: number;
  purchases: number;
}

/** Meets a tier's thresholds: both (AND) or either (OR), as the tier's rule says. */
export function qualifies(tier: TierThresholds, stats: QualifyingStats): boolean {
  const spend = stats.spendFen >= tier.spendThresholdFen;
  const purchases = stats.purchases >= tier.purchaseThreshold;
  return tier.rule === 'AND' ? spend && purchases : spend || purchases;
}

/** The ladder lowest rank first. */
export function byRank<T extends TierThresholds>(tiers: readonly T[]): T[] {
  return [...tiers].sort((a, b) => a.rank - b.rank);
}

/** The highest tier the activity qualifies for; the entry tier is the floor even with no activity. */
export function qualifyingTier<T extends TierThresholds>(tiers: readonly T[], stats: QualifyingStats): T {
  const ladder = byRank(tiers);
  return ladder.filter((t) => qualifies(t, stats)).pop() ?? ladder[0];
}

/** After a purchase: the tier to upgrade to at once, or null. Purchases never downgrade. */
export function upgradeTarget<T extends TierThresholds>(current: T, tiers: readonly T[], stats: QualifyingStats): T | null {
  const qualifying = qualifyingTier(tiers, stats);
  return qualifying.rank > current.rank ? qualifying : null;
}
