import type { DataSource, EntityManager } from 'typeorm';
import { ladderAsOf } from '../domain/tierEngine';
import type { TierRule } from '../domain/tiers';
import { TierVersion } from './entities/TierVersion';

/** The tier ladder in force at `at` (one small table: every version of every tier). */
export async function loadLadder(db: DataSource | EntityManager, at = new Date()): Promise<TierRule[]> {
  const versions = await db.getRepository(TierVersion).find();
  return ladderAsOf(
    versions.map((v) => ({ ...v, id: v.tierId })),
    at,
  );
}

export function tierById(ladder: readonly TierRule[], id: string): TierRule {
  const tier = ladder.find((t) => t.id === id);
  if (!tier) throw new Error(`tier ${id} is not in the ladder`);
  return tier;
}
