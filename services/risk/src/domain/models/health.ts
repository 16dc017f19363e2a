import type { MemberSnapshot } from './features';

/**
 * Member health, 0–100 (DOMAIN.md §6): a weighted sum of four parts, each in [0, 1]:
 * - recency (40%): e^(−days since the last order / 60)
 * - frequency trend (25%): orders in the last 90 days against the 90 before, ½ when level, 0 when
 *   there were none in either
 * - engagement (15%): in the last 90 days, each points burn and each engagement with a campaign
 *   (a task, a referral, an experiment: from campaign) counts 1, each daily check-in ⅕ (a tap for a
 *   few points, where a burn or a referral is a decision); full at 2
 * - points burn (20%): burned / issued over the year against the programme's 30% target (§3)
 * Below 30 the member is in the win-back segment and an alert is raised; a score that fell in each
 * of the last three periods escalates.
 */
export const HEALTH_WIN_BACK_BELOW = 30;
export const HEALTH_FALLING_PERIODS = 3;
/** Check-ins that weigh as much as one burn or campaign engagement. */
const CHECK_INS_PER_ENGAGEMENT = 5;

export interface HealthParts {
  recency: number;
  trend: number;
  engagement: number;
  burn: number;
}

export function healthParts(s: MemberSnapshot): HealthParts {
  const both = s.orders90 + s.ordersPrior90;
  return {
    recency: Math.exp(-s.daysSinceLastOrder / 60),
    trend: both === 0 ? 0 : (1 + (s.orders90 - s.ordersPrior90) / both) / 2,
    engagement: Math.min(1, (s.burns90 + s.campaignEngagements90 + s.checkIns90 / CHECK_INS_PER_ENGAGEMENT) / 2),
    burn: Math.min(1, s.burnRate / 0.3),
  };
}

export function healthScore(s: MemberSnapshot): number {
  const p = healthParts(s);
  return Math.round(100 * (0.4 * p.recency + 0.25 * p.trend + 0.15 * p.engagement + 0.2 * p.burn));
}

/** Scores oldest first: true when each of the last three periods is below the one before. */
export function fallingForPeriods(scores: readonly number[], periods = HEALTH_FALLING_PERIODS): boolean {
  if (scores.length < periods + 1) return false;
  const tail = scores.slice(-(periods + 1));
  return tail.every((s, i) => i === 0 || s < tail[i - 1]);
}
