import { qualifies, qualifyingTier, type QualifyingStats } from './tierEngine';
import type { TierRule } from './tiers';

/**
 * The top tier may be scarce (DOMAIN.md §2, §4 "Diamond only for the top 1%"): capped at a share
 * of all members, or by invitation only. Both off by default.
 */
export interface TopTierRule {
  /** Most members that may hold the top tier, in millionths of all members (10000 = 1%); null: no cap. */
  maxSharePpm: number | null;
  /** Reaching the top tier's thresholds makes a member eligible; staff invite them. */
  invitationOnly: boolean;
}

export const OPEN_TOP_TIER: TopTierRule = { maxSharePpm: null, invitationOnly: false };

export const scarce = (rule: TopTierRule) => rule.invitationOnly || rule.maxSharePpm !== null;

export function topOf(ladder: readonly TierRule[]): TierRule {
  return [...ladder].sort((a, b) => b.rank - a.rank)[0];
}

/** Seats at the top for `members` members: floor(share × members), in exact integers. */
export function topSeats(rule: TopTierRule, members: number): number {
  if (rule.maxSharePpm === null) return Number.MAX_SAFE_INTEGER;
  return Number((BigInt(members) * BigInt(rule.maxSharePpm)) / 1_000_000n);
}

/** Where the top tier stands for someone qualifying: `held` seats taken, `ahead` qualifying members waiting before them. */
export interface TopTierCount {
  members: number;
  held: number;
  ahead: number;
}

/**
 * The tier an upgrade to `target` really gives under the rule: the top tier only when it is open,
 * or capped with a seat left for this member after every qualifying member ahead of them in line
 * (by 12-month spend); otherwise the highest tier below it that the activity qualifies for.
 */
export function admitted(
  target: TierRule,
  ladder: readonly TierRule[],
  stats: QualifyingStats,
  rule: TopTierRule,
  count: TopTierCount | null,
): TierRule {
  const top = topOf(ladder);
  if (target.id !== top.id || !scarce(rule)) return target;
  if (!rule.invitationOnly && count && count.held + count.ahead < topSeats(rule, count.members)) return target;
  return qualifyingTier(
    ladder.filter((t) => t.id !== top.id),
    stats,
  );
}

/** A member waits for the top tier when their figures qualify for it and they do not hold it. */
export function waitsForTop(ladder: readonly TierRule[], member: { tierId: string } & QualifyingStats): boolean {
  const top = topOf(ladder);
  return member.tierId !== top.id && qualifies(top, member);
}
