import { NEUTRAL_COEFFICIENT } from '../../../kit/src';

/** Coefficients are thousandths (2.0 → 2000); 1000 means "no boost" (the kit's, shared with the points service). */
export { NEUTRAL_COEFFICIENT };

/** Combines live campaigns' coefficients by the programme's rule; none live → neutral. */
export function combineCoefficients(coefficients: readonly number[], rule: 'max' | 'product'): number {
  if (coefficients.length === 0) return NEUTRAL_COEFFICIENT;
  if (rule === 'max') return Math.max(...coefficients);
  // Integer thousandths stay exact: each step rounds down to a thousandth, as the earn formula floors.
  return coefficients.reduce((acc, c) => Math.floor((acc * c) / 1000), NEUTRAL_COEFFICIENT);
}

export function isLive(campaign: { startsAt: Date; endsAt: Date }, at: Date): boolean {
  return campaign.startsAt.getTime() <= at.getTime() && at.getTime() < campaign.endsAt.getTime();
}
