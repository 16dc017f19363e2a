/**
 * Seeded generators with known processes, for the model tests: whatever is fitted on them can be
 * checked against the parameters they were drawn from.
 */
import { seededRandom } from '../src/domain/models/random';

export type Random = () => number;

export function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, rate) by Marsaglia & Tsang (boosted for shape < 1). */
export function gamma(random: Random, shape: number, rate: number): number {
  if (shape < 1) return gamma(random, shape + 1, rate) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

export function beta(random: Random, a: number, b: number): number {
  const x = gamma(random, a, 1);
  return x / (x + gamma(random, b, 1));
}

export interface SimulatedBuyer {
  /** Purchase times in weeks from the first (0 first), within calibration + holdout. */
  purchases: number[];
  /** Order values (one per purchase). */
  values: number[];
  /** Weeks observed in calibration. */
  T: number;
}

/**
 * Buyers from the BG/NBD process with Gamma-Gamma spend: λ ~ Gamma(r, α), p ~ Beta(a, b); a
 * purchase at 0, then exponential gaps while alive, dropping out after each purchase with
 * probability p after each repeat purchase. Observed for T ∈ [minT, maxT] weeks, then for `holdout` more weeks.
 */
export function simulateBuyers(
  seed: number,
  count: number,
  bg: { r: number; alpha: number; a: number; b: number },
  gg: { p: number; q: number; gamma: number },
  window: { minT: number; maxT: number; holdout: number },
): SimulatedBuyer[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const lambda = gamma(random, bg.r, bg.alpha);
    const dropout = beta(random, bg.a, bg.b);
    const nu = gamma(random, gg.q, gg.gamma);
    const T = window.minT + random() * (window.maxT - window.minT);
    const end = T + window.holdout;
    const purchases = [0];
    let t = 0;
    // Alive at the first purchase; each repeat purchase may be the last (FHL 2005, assumption iii).
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t > end) break;
      purchases.push(t);
      if (random() < dropout) break;
    }
    return { purchases, values: purchases.map(() => gamma(random, gg.p, nu)), T };
  });
}
