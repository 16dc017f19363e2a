import type { DataSource, EntityManager } from 'typeorm';
import { invalidateShared, sharedValue } from '../../../kit/src';
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

const TIER_VERSIONS = 'member.tierVersions';

/**
 * Every version of every tier, shared by the requests of this process: the same for every caller,
 * and append-only (updateTier adds a version and clears this). Read at most once a second (see
 * SHARED_VALUE_TTL_MS for other replicas); frozen, since all readers hold the same objects.
 */
function tierVersions(dataSource: DataSource) {
  return sharedValue(dataSource, TIER_VERSIONS, async () =>
    (await dataSource.getRepository(TierVersion).find()).map((v) => Object.freeze({ ...v, id: v.tierId })),
  );
}

/**
 * The ladder in force at `at` for reads (GraphQL): as loadLadder, from the shared versions, so a
 * card costs no statement for it. Commands keep loadLadder, inside their transactions.
 */
export async function sharedLadder(dataSource: DataSource, at = new Date()): Promise<TierRule[]> {
  return ladderAsOf(await tierVersions(dataSource).get(), at);
}

/** After a new tier version has committed: this process's next read sees it. */
export function tierVersionsChanged(dataSource: DataSource): void {
  invalidateShared(dataSource, TIER_VERSIONS);
}

export function tierById(ladder: readonly TierRule[], id: string): TierRule {
  const tier = ladder.find((t) => t.id === id);
  if (!tier) throw new Error(`tier ${id} is not in the ladder`);
  return tier;
}
