/**
 * Seeded randomness for the models: a training run must be reproducible (the same data and seed
 * give the same model), so nothing here reads Math.random. The generator is the kit's.
 */
export { seededRandom } from '../../../../kit/src/random';

/**
 * Where a member falls in [0, 1) for a seed (FNV-1a over seed and id): the held-out split depends
 * on who the member is, not on the order the members were read in.
 */
export function memberFraction(memberId: string, seed: number): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < memberId.length; i++) {
    hash ^= memberId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return (hash >>> 0) / 4294967296;
}
