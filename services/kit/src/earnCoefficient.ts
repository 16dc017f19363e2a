/**
 * The pure parts of an order's activity coefficient (DOMAIN.md §3) that two services apply. Their
 * home is the campaign service (services/campaign/src/domain/targeting.ts, earnBoost.ts), which
 * decides every order that touches a budget, a segment or consent; they live here because the
 * points service computes the coefficient itself from its copy of the campaign calendar when no
 * such campaign applies (services/points/src/domain/earnCalendar.ts). One rule, never a copy that
 * could drift.
 */

/** Coefficients are thousandths (2.0 → 2000); 1000 means "no boost". */
export const NEUTRAL_COEFFICIENT = 1000;

/** How several live multipliers combine: the highest (the default) or their product. */
export type Combination = 'max' | 'product';

/** A campaign's restrictions that an order itself answers (null: no restriction). */
export interface OrderTargeting {
  targetTiers: readonly string[] | null;
  targetChannels: readonly string[] | null;
  targetStores: readonly string[] | null;
}

/** The order or action asked about: its channel and store (an online order has none). */
export interface OrderFacts {
  channel: string;
  store: string | null;
}

/**
 * Whether a campaign's tier, channel and store restrictions admit the member's tier and the order.
 * Channel and store apply to an order or action (`action`; a store campaign does not apply to an
 * order without a store); without one (the member's own view) they are not checked.
 */
export function admitsTierAndOrder(campaign: OrderTargeting, tierId: string | null, action: OrderFacts | null): boolean {
  if (campaign.targetTiers && !(tierId && campaign.targetTiers.includes(tierId))) return false;
  if (action && campaign.targetChannels && !campaign.targetChannels.includes(action.channel)) return false;
  if (action && campaign.targetStores && !(action.store && campaign.targetStores.includes(action.store))) return false;
  return true;
}

/** A multiplier as combination sees it. */
export interface Boost {
  id: string;
  coefficientMilli: number;
}

/**
 * The one order campaigns are combined in and their budget rows locked in, by every earn and every
 * budget return: highest coefficient first, then id.
 */
export function budgetLockOrder(a: Boost, b: Boost): number {
  return b.coefficientMilli - a.coefficientMilli || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The coefficient after `campaign` joins the running one: MAX takes the campaign's; MULTIPLY
 * multiplies, floored to a thousandth per step as the earn formula floors. null: the campaign adds
 * nothing (1.0 or less).
 */
export function nextCoefficient(running: number, campaign: Boost, rule: Combination): number | null {
  if (campaign.coefficientMilli <= NEUTRAL_COEFFICIENT) return null;
  return rule === 'max' ? campaign.coefficientMilli : Math.floor((running * campaign.coefficientMilli) / 1000);
}

/**
 * The coefficient of campaigns none of which has a budget, in budgetLockOrder: what the campaign
 * service's planBoost answers when every campaign's reservation succeeds (MAX: the highest above
 * 1.0; MULTIPLY: each above 1.0 in turn).
 */
export function unbudgetedCoefficient(campaigns: readonly Boost[], rule: Combination): number {
  let coefficient = NEUTRAL_COEFFICIENT;
  for (const campaign of [...campaigns].sort(budgetLockOrder)) {
    const next = nextCoefficient(coefficient, campaign, rule);
    if (next === null) continue;
    coefficient = next;
    if (rule === 'max') break;
  }
  return coefficient;
}
