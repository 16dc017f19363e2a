import gammaln from '@stdlib/math-base-special-gammaln';
import { atBound, insideBounds } from './bounds';
import { nelderMead } from './nelderMead';

/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"): a member's order values are
 * Gamma(p, ν) with ν ~ Gamma(q, γ) across members, independent of how often they buy. Fitted on
 * members with at least one repeat purchase, from x (repeat purchases) and mₓ (their mean value).
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface SpendSummary {
  x: number;
  /** Mean order value over the repeat purchases (any unit; the model is scale-free in it). */
  mean: number;
}

export function gammaGammaLogLikelihood({ p, q, gamma }: GammaGammaParams, data: readonly SpendSummary[]): number {
  const byX = new Map<number, number>();
  let sum = 0;
  for (const { x, mean } of data) {
    let t = byX.get(x);
    if (t === undefined) {
      t = gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * Math.log(gamma) + p * x * Math.log(x);
      byX.set(x, t);
    }
    sum += t + (p * x - 1) * Math.log(mean) - (p * x + q) * Math.log(gamma + mean * x);
  }
  return sum;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  /** A parameter stopped at the search box's edge (bounds.ts). */
  atBound: boolean;
}

export function fitGammaGamma(data: readonly SpendSummary[]): GammaGammaFit {
  const toParams = (v: number[]): GammaGammaParams => ({ p: Math.exp(v[0]), q: Math.exp(v[1]), gamma: Math.exp(v[2]) });
  const meanSpend = data.reduce((s, d) => s + d.mean, 0) / Math.max(1, data.length);
  const objective = (v: number[]) => (insideBounds(v) ? -gammaGammaLogLikelihood(toParams(v), data) : Infinity);
  // Start at p = 1, q = 2, γ = mean: the prior mean of a member's spend (pγ/(q − 1)) is the sample mean.
  let result = nelderMead(objective, [0, Math.log(2), Math.log(Math.max(1e-9, meanSpend))], { maxIterations: 2000, tolerance: 1e-10 });
  const again = nelderMead(objective, result.x, { maxIterations: 2000, tolerance: 1e-10 });
  if (again.fx <= result.fx) result = { ...again, iterations: result.iterations + again.iterations };
  return {
    params: toParams(result.x),
    logLikelihood: -result.fx,
    iterations: result.iterations,
    converged: result.converged,
    atBound: atBound(result.x),
  };
}

/** E[order value | x repeat purchases with mean mₓ] (shrinks the member's mean towards the population's). */
export function expectedSpend({ p, q, gamma }: GammaGammaParams, x: number, mean: number): number {
  if (q <= 1) return mean;
  const populationMean = (p * gamma) / (q - 1);
  if (x === 0) return populationMean;
  const weight = (p * x) / (p * x + q - 1);
  return (1 - weight) * populationMean + weight * mean;
}
