/**
 * Seeded randomness, for everything that must repeat from a seed: the risk models' training (the
 * same data and seed give the same model), the bench's programme, the tests' generated data. Never
 * Math.random there, and never this for anything secret.
 */

/** mulberry32: a small, fast 32-bit generator; a seed gives one stream in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
