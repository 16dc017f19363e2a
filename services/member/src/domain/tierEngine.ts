import type { TierRule } from './tiers';

/** A member's qualifying activity over the rolling last 12 months (spend net of refunds). */
export interface QualifyingStats {
  spendFen: number;
  purchases: number;
}

/** Meets a tier's thresholds: both (AND) or either (OR), as the tier's rule says. */
export function qualifies(tier: TierRule, stats: QualifyingStats): boolean {
  const spend = stats.spendFen >= tier.spendThresholdFen;
  const purchases = stats.purchases >= tier.purchaseThreshold;
  return tier.rule === 'AND' ? spend && purchases : spend || purchases;
}

function byRank(tiers: readonly TierRule[]): TierRule[] {
  return [...tiers].sort((a, b) => a.rank - b.rank);
}

/** The highest tier the activity qualifies for; the entry tier is the floor even with no activity. */
export function qualifyingTier(tiers: readonly TierRule[], stats: QualifyingStats): TierRule {
  const ladder = byRank(tiers);
  return ladder.filter((t) => qualifies(t, stats)).pop() ?? ladder[0];
}

/** After a purchase: the tier to upgrade to at once, or null. Purchases never downgrade. */
export function upgradeTarget(current: TierRule, tiers: readonly TierRule[], stats: QualifyingStats): TierRule | null {
  const qualifying = qualifyingTier(tiers, stats);
  return qualifying.rank > current.rank ? qualifying : null;
}

/**
 * The yearly re-evaluation (DOMAIN.md §2): up to what the 12 months qualify for, or down by at
 * most one step and never below what they still qualify for.
 */
export function reevaluate(current: TierRule, tiers: readonly TierRule[], stats: QualifyingStats): TierRule {
  const qualifying = qualifyingTier(tiers, stats);
  if (qualifying.rank >= current.rank) return qualifying;
  const ladder = byRank(tiers);
  const oneDown = [...ladder].reverse().find((t) => t.rank < current.rank) ?? ladder[0];
  return oneDown.rank > qualifying.rank ? oneDown : qualifying;
}

export interface Progress {
  nextTier: TierRule | null;
  /** Fen still to spend, and purchases still to make, to reach the next tier (0 when met). */
  spendNeededFen: number;
  purchasesNeeded: number;
}

export function progressToNext(current: TierRule, tiers: readonly TierRule[], stats: QualifyingStats): Progress {
  const nextTier = byRank(tiers).find((t) => t.rank > current.rank) ?? null;
  if (!nextTier) return { nextTier: null, spendNeededFen: 0, purchasesNeeded: 0 };
  return {
    nextTier,
    spendNeededFen: Math.max(0, nextTier.spendThresholdFen - stats.spendFen),
    purchasesNeeded: Math.max(0, nextTier.purchaseThreshold - stats.purchases),
  };
}

/** A version of a tier's definition and the instant from which it applies. */
export interface TierVersion extends TierRule {
  effectiveFrom: Date;
}

/**
 * The ladder in force at `at`: for each tier, its latest version that applies by then. A change
 * takes effect from its date and never rewrites what applied before.
 */
export function ladderAsOf(versions: readonly TierVersion[], at: Date): TierRule[] {
  const latest = new Map<string, TierVersion>();
  for (const version of versions) {
    if (version.effectiveFrom.getTime() > at.getTime()) continue;
    const known = latest.get(version.id);
    if (!known || known.effectiveFrom.getTime() < version.effectiveFrom.getTime()) latest.set(version.id, version);
  }
  return byRank([...latest.values()]);
}
