import { qualifies, upgradeTarget, type QualifyingStats } from './tierEngine';
import type { TierRule } from './tiers';
import { topOf } from './scarcity';

const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * TWELFTH_PURCHASE is due: 12 purchases within the rolling 12 months, and none recorded in the
 * 12 months before `at` (so January does not repeat December's milestone from the same purchases).
 */
export function twelfthPurchaseDue(purchases12m: number, lastReachedAt: Date | null, at: Date): boolean {
  return purchases12m >= 12 && (!lastReachedAt || at.getTime() - lastReachedAt.getTime() >= YEAR_MS);
}

/** What of a member a qualifying-activity report is judged against (read without a lock). */
export interface ActivityState {
  tierId: string;
  tierSource: 'EARNED' | 'GRANTED';
  activityAsOf: Date | null;
  /** The member's staff grant has expired and has not been ended yet. */
  grantEnded: boolean;
  /** When TWELFTH_PURCHASE was last reached; null: never. */
  lastTwelfthPurchaseAt: Date | null;
  firstTopTierReached: boolean;
}

export interface ActivityReport extends QualifyingStats {
  asOf: Date;
  refundedOrdersAt?: readonly Date[];
}

/**
 * How a report is applied. STALE: older than the figures held and no refund in it, nothing to do. FIGURES_ONLY: the
 * figures are stored and nothing else happens — no tier moves and no milestone is reached — so
 * they may be stored with other members' in one guarded statement. TIER_ENGINE: the report may
 * change the tier or reach a milestone, and goes through the locked path (recordActivity's
 * transaction), which decides it exactly. Each test below errs towards TIER_ENGINE: a report
 * sent there needlessly costs statements, one kept out of it wrongly would lose a tier change.
 */
export type ActivityTriage = 'STALE' | 'FIGURES_ONLY' | 'TIER_ENGINE';

export function triageActivity(state: ActivityState, ladder: readonly TierRule[], report: ActivityReport, at: Date): ActivityTriage {
  // The locked path ends an expired grant even for a stale report.
  if (state.grantEnded) return 'TIER_ENGINE';
  // A stale refund's report may still take a tier back (the locked path judges it by the figures held).
  if (state.activityAsOf && state.activityAsOf.getTime() > report.asOf.getTime())
    return report.refundedOrdersAt?.length ? 'TIER_ENGINE' : 'STALE';
  const current = ladder.find((t) => t.id === state.tierId);
  if (!current) return 'TIER_ENGINE';
  if (upgradeTarget(current, ladder, report)) return 'TIER_ENGINE';
  // A refund can only lower a tier the remaining figures no longer qualify for (tierAfterRefund).
  const bottom = Math.min(...ladder.map((t) => t.rank));
  if (report.refundedOrdersAt?.length && state.tierSource !== 'GRANTED' && current.rank > bottom && !qualifies(current, report))
    return 'TIER_ENGINE';
  const earned = state.tierSource !== 'GRANTED';
  if (earned && current.id === topOf(ladder).id && !state.firstTopTierReached) return 'TIER_ENGINE';
  if (twelfthPurchaseDue(report.purchases, state.lastTwelfthPurchaseAt, at)) return 'TIER_ENGINE';
  return 'FIGURES_ONLY';
}
