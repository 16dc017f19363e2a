/**
 * The seeder's only source of randomness, so one seed always gives the same programme. mulberry32
 * (Tommy Ettinger's 32-bit generator): tiny, fast, statistically fine for test data, and — unlike
 * Math.random — reproducible. Not for anything secret.
 */
import { seededRandom } from '../../services/kit/src/random';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** One of `items`, each as likely as its weight. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
  /** exp(N(0, sigma)): a multiplicative spread around 1, for amounts and propensities. */
  logNormal(sigma: number): number;
}

/** Mixes a seed and a stream number into one 32-bit seed, so each member gets an independent stream. */
export function streamSeed(seed: number, stream: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export function createRandom(seed: number): Random {
  const next = seededRandom(seed);
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    weighted(items, weight) {
      const total = items.reduce((sum, item) => sum + weight(item), 0);
      let left = next() * total;
      for (const item of items) {
        left -= weight(item);
        if (left < 0) return item;
      }
      return items[items.length - 1];
    },
    logNormal(sigma) {
      // Box–Muller; 1 - next() keeps the logarithm away from 0.
      const gaussian = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      return Math.exp(sigma * gaussian);
    },
  };
  return random;
}

/** Two hex digits per byte value: ids are made a million times, and toString(16) showed in profiles. */
const BYTE_HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const hex = (n: number) => BYTE_HEX[(n >>> 24) & 0xff] + BYTE_HEX[(n >>> 16) & 0xff] + BYTE_HEX[(n >>> 8) & 0xff] + BYTE_HEX[n & 0xff];

/**
 * Version-4-shaped UUIDs that repeat with the seed and are unique by construction: the stream
 * (one per member) first, then two random words, then a counter. Random ids alone would not do:
 * every mulberry32 stream is a window on the same 2^32-long cycle, so the streams of 20,000
 * members overlap and would hand out the same ids. Leading with the stream also lets a database
 * take each chunk of members in key order: an index keyed by these ids (or by member_id) grows at
 * its end instead of splitting pages all over a tree larger than the buffer pool.
 */
export function idMaker(random: Random, stream: number, firstCounter = 0): () => string {
  if (!Number.isInteger(stream) || stream < 0 || stream >= 2 ** 32) throw new Error(`id stream ${stream} out of range`);
  let counter = firstCounter;
  return () => {
    const word = () => Math.floor(random.next() * 4294967296);
    const h = hex(stream) + hex((word() & 0xffff0fff) | 0x4000) + hex((word() & 0x3fffffff) | 0x80000000) + hex(counter++);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}
