import { ConfigError } from '../../../kit/src';

/** "1.5" → 1500; rates, multipliers and coefficients are held in thousandths. */
export function parseRateToMilli(variable: string, text: string): number {
  const match = /^(\d{1,4})(\.\d{1,3})?$/.exec(text);
  if (!match) throw new ConfigError(variable, `must be a decimal with at most three decimals, got "${text}"`);
  return Number(match[1]) * 1000 + Number((match[2] ?? '.').slice(1).padEnd(3, '0'));
}

export interface EarnInputs {
  amountFen: number;
  baseRateMilli: number;
  /** γ(tier) in thousandths. */
  multiplierMilli: number;
  /** Activity coefficient of live campaigns in thousandths. */
  coefficientMilli: number;
}

const SCALE = 100n * 1000n * 1000n * 1000n; // fen → CNY, and three factors in thousandths

/**
 * points = floor(amount × base rate × γ(tier) × activity coefficient), shared/DOMAIN.md §3.
 * Exact: the product is taken in integers (BigInt) and floored once, never through a float.
 */
export function earnPoints(inputs: EarnInputs): number {
  const product =
    BigInt(inputs.amountFen) * BigInt(inputs.baseRateMilli) * BigInt(inputs.multiplierMilli) * BigInt(inputs.coefficientMilli);
  return Number(product / SCALE);
}
