import gammaln from '@stdlib/math-base-special-gammaln';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import { atBound, insideBounds } from './bounds';
import { nelderMead } from './nelderMead';

/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive a member
 * buys at rate λ ~ Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b).
 * A member's history is summarised as (x, tₓ, T): repeat purchases, the time of the last one and
 * the length of observation, both from the first purchase, in weeks.
 *
 * Fitted by maximum likelihood: Nelder–Mead (nelderMead.ts) over the logarithms of the four
 * parameters, which keeps them positive. The terms that depend on x alone are computed once per
 * distinct x, so an evaluation costs a few logarithms per member.
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface Rfm {
  /** Repeat purchases (purchases after the first). */
  x: number;
  /** Weeks from the first purchase to the last. */
  tx: number;
  /** Weeks from the first purchase to the end of observation. */
  T: number;
}

function logSumExp(u: number, v: number): number {
  const m = Math.max(u, v);
  return m + Math.log(Math.exp(u - m) + Math.exp(v - m));
}

/** Σ log L over members. */
export function bgNbdLogLikelihood({ r, alpha, a, b }: BgNbdParams, data: readonly Rfm[]): number {
  const byX = new Map<number, number>();
  const termOfX = (x: number) => {
    let t = byX.get(x);
    if (t === undefined) {
      t = gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x);
      byX.set(x, t);
    }
    return t;
  };
  let sum = 0;
  for (const { x, tx, T } of data) {
    const a3 = -(r + x) * Math.log(alpha + T);
    const rest = x > 0 ? logSumExp(a3, Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx)) : a3;
    sum += termOfX(x) + rest;
  }
  return sum;
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  /** A parameter stopped at the search box's edge (bounds.ts): the data did not show what it describes. */
  atBound: boolean;
}

export function fitBgNbd(data: readonly Rfm[]): BgNbdFit {
  const toParams = (v: number[]): BgNbdParams => ({ r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) });
  const meanT = data.reduce((s, d) => s + d.T, 0) / Math.max(1, data.length);
  // Start where a member buys about once per observed period and drops out slowly.
  let start = [0, Math.log(Math.max(1, meanT / 4)), 0, 0];
  const objective = (v: number[]) => (insideBounds(v) ? -bgNbdLogLikelihood(toParams(v), data) : Infinity);
  let result = nelderMead(objective, start, { maxIterations: 2000, tolerance: 1e-10 });
  // Restarting from the optimum guards against the simplex collapsing early.
  start = result.x;
  const again = nelderMead(objective, start, { maxIterations: 2000, tolerance: 1e-10 });
  if (again.fx <= result.fx) result = { ...again, iterations: result.iterations + again.iterations };
  return {
    params: toParams(result.x),
    logLikelihood: -result.fx,
    iterations: result.iterations,
    converged: result.converged,
    atBound: atBound(result.x),
  };
}

/** P(alive) after a history (x, tₓ, T). */
export function probabilityAlive({ r, alpha, a, b }: BgNbdParams, { x, tx, T }: Rfm): number {
  if (x === 0) return 1;
  return 1 / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
}

/**
 * E[purchases in the next t weeks | history (x, tₓ, T)] (FHL 2005, eq. 10). Valid for a < 1 too
 * (numerator factor and bracket both change sign); at a = 1 exactly it is the limit, taken a hair off.
 */
export function expectedPurchases({ r, alpha, a: shape, b }: BgNbdParams, { x, tx, T }: Rfm, t: number): number {
  const a = Math.abs(shape - 1) < 1e-9 ? 1 + 1e-9 : shape;
  const z = t / (alpha + T + t);
  const numerator =
    ((a + b + x - 1) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z));
  const denominator = 1 + (x > 0 ? (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 0);
  return numerator / denominator;
}
