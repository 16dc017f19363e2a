import { ConfigError, DomainError, parseDecimalToMilli } from '../../../kit/src';

/** "1.5" → 1500 (up to 9999.999); a configured rate is taken as written, so a stray space is refused too. */
export function parseRateToMilli(variable: string, text: string): number {
  try {
    if (text === text.trim()) return parseDecimalToMilli(text, variable, { min: 0, max: 9_999_999 });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
  throw new ConfigError(variable, `must be a decimal with at most three decimals, got "${text}"`);
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
