import { byRank, qualifies, qualifyingTier, type QualifyingStats } from '../../../kit/src';
import type { TierRule } from './tiers';

// The upgrade rule itself is in the kit (tierThresholds.ts): the points service applies it too, to
// tell whether an earn can upgrade at all. Re-exported so the tier engine reads as one module.
export { qualifies, qualifyingTier, upgradeTarget, type QualifyingStats } from '../../../kit/src';

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

/** A change in the tier history, as the refund rule reads it. */
export interface TierStep {
  fromTier: string | null;
  toTier: string;
  reason: string;
  at: Date;
}

/**
 * After refunds (DOMAIN.md §2, §3): a tier reached within the return window of a refunded order
 * (`at` between the order's placing and the end of its window) that the remaining activity no
 * longer qualifies for is undone at once, back down the steps so reached, to the tier the
 * remaining activity earns. A tier held long enough — or held for any reason other than a
 * purchase crossing its threshold (a grant's end, a merge, a yearly step down) — stops the walk:
 * it is re-evaluated yearly only. Answers the lower tier, or null to stay.
 *
 * `history` is the member's tier history, newest first.
 */
export function tierAfterRefund(
  current: TierRule,
  tiers: readonly TierRule[],
  stats: QualifyingStats,
  history: readonly TierStep[],
  refundedOrdersAt: readonly Date[],
  returnWindowMs: number,
): TierRule | null {
  const ladder = byRank(tiers);
  const byId = new Map(ladder.map((t) => [t.id, t]));
  const withinAWindow = (at: Date) =>
    refundedOrdersAt.some((placed) => at.getTime() >= placed.getTime() && at.getTime() <= placed.getTime() + returnWindowMs);
  let floor = current;
  while (floor.rank > ladder[0].rank && !qualifies(floor, stats)) {
    const reached = history.find((step) => step.toTier === floor.id && step.reason !== 'REFUND');
    const from = reached?.fromTier ? byId.get(reached.fromTier) : undefined;
    const byPurchase = reached && from && from.rank < floor.rank && (reached.reason === 'UPGRADE' || reached.reason === 'REEVALUATION');
    if (!byPurchase || !withinAWindow(reached.at)) break;
    floor = from;
  }
  const earned = qualifyingTier(ladder, stats);
  const target = earned.rank > floor.rank ? earned : floor;
  return target.rank < current.rank ? target : null;
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
