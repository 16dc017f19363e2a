import { budgetLockOrder, nextCoefficient, NEUTRAL_COEFFICIENT, type Boost } from '../../../kit/src';

export { budgetLockOrder, type Boost };

/** The order as the points service will earn it, without the campaigns' coefficient. */
export interface EarnBase {
  amountFen: number;
  baseRateMilli: number;
  /** γ(tier) in thousandths. */
  multiplierMilli: number;
}

const SCALE = 100n * 1000n * 1000n * 1000n; // fen → CNY, and three factors in thousandths

/**
 * points = floor(amount × base rate × γ × coefficient) exactly as the points service computes it
 * (services/points/src/domain/earn.ts): the extra points a multiplier grants are measured with the
 * same formula, so base + extras is what the order earns.
 */
export function pointsAt(earn: EarnBase, coefficientMilli: number): number {
  return Number((BigInt(earn.amountFen) * BigInt(earn.baseRateMilli) * BigInt(earn.multiplierMilli) * BigInt(coefficientMilli)) / SCALE);
}

/** Spends `points` of a campaign's budget for this order; false when its budget cannot cover them. */
export type Reserve = (campaign: Boost, points: number) => Promise<boolean>;

export interface BoostPlan {
  coefficientMilli: number;
  /** The campaigns applied, each with the extra points it granted (its budget consumption). */
  applied: Array<{ campaignId: string; extraPoints: number }>;
}

/**
 * Combines the live, targeted multipliers of one order under their budgets. A multiplier's budget
 * is spent on the extra points it grants over coefficient 1.0. MAX: the highest coefficient whose
 * budget covers its extra points (a campaign that cannot pays nothing and the next one is tried).
 * MULTIPLY: highest first, each adds the points its factor adds to the running product (floored to
 * a thousandth per step, as combineCoefficients), skipped when its budget cannot cover them.
 * Campaigns are tried in budgetLockOrder (the kit's, as the combination step), so concurrent
 * orders lock budgets in the same order; when every reservation succeeds the answer is the kit's
 * unbudgetedCoefficient, which the points service computes from its calendar copy.
 */
export async function planBoost(
  earn: EarnBase,
  candidates: readonly Boost[],
  rule: 'max' | 'product',
  reserve: Reserve,
): Promise<BoostPlan> {
  const ordered = [...candidates].sort(budgetLockOrder);
  const applied: BoostPlan['applied'] = [];
  let coefficient = NEUTRAL_COEFFICIENT;
  for (const campaign of ordered) {
    const next = nextCoefficient(coefficient, campaign, rule);
    if (next === null) continue;
    const extra = pointsAt(earn, next) - pointsAt(earn, coefficient);
    if (!(await reserve(campaign, extra))) continue;
    applied.push({ campaignId: campaign.id, extraPoints: extra });
    coefficient = next;
    if (rule === 'max') break;
  }
  return { coefficientMilli: coefficient, applied };
}
