/**
 * Customer lifetime value, two ways.
 *
 * Simplified (DOMAIN.md §6): CLV = AOV × purchases per year × margin / churn rate. The member's own
 * AOV and purchases over the last 12 months; the churn rate is the member's annual one from the
 * churn model (its P(churn) is over a 90-day horizon: 1 − (1 − p)^(365/90)), floored at 5% so a
 * member the model is sure of does not get an unbounded value.
 *
 * Probabilistic (beyond the source's formula): E[purchases in the next year] from BG/NBD ×
 * E[order value] from Gamma-Gamma × margin, undiscounted.
 */
export const CHURN_RATE_FLOOR = 0.05;

export function annualChurnRate(churnProbability: number, horizonDays: number): number {
  return 1 - Math.pow(1 - churnProbability, 365 / horizonDays);
}

export function simpleClvFen(input: { aovFen: number; purchasesPerYear: number; margin: number; annualChurnRate: number }): number {
  const rate = Math.max(CHURN_RATE_FLOOR, input.annualChurnRate);
  return Math.round((input.aovFen * input.purchasesPerYear * input.margin) / rate);
}

export function modelClvFen(input: { expectedPurchases: number; expectedOrderFen: number; margin: number }): number {
  if (!Number.isFinite(input.expectedPurchases) || !Number.isFinite(input.expectedOrderFen)) return 0;
  return Math.round(input.expectedPurchases * input.expectedOrderFen * input.margin);
}
