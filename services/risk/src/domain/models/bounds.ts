/**
 * The box the CLV models' parameters are searched in: 10⁻⁴ to 10⁴ (their logarithms within ±9.21).
 * On data with no sign of the thing a parameter describes (nobody drops out, everyone spends
 * alike) the likelihood keeps rising towards infinity along it; the fit stops at the edge and says
 * so (`atBound`) instead of wandering off.
 */
export const LOG_BOUND = Math.log(1e4);

export function insideBounds(logParams: readonly number[]): boolean {
  return logParams.every((v) => Math.abs(v) <= LOG_BOUND);
}

export function atBound(logParams: readonly number[]): boolean {
  return logParams.some((v) => Math.abs(v) > LOG_BOUND - 0.01);
}
