import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupByKeys, orderByKeys } from '../../../kit/src';
import { Member } from '../db/entities/Member';
import { TierChange } from '../db/entities/TierChange';
import { loadLadder } from '../db/ladder';
import type { TierRule } from '../domain/tiers';

/** Per-request loaders: one SQL statement per kind of data however many members a query touches. */
export function createLoaders(dataSource: DataSource) {
  let ladder: Promise<TierRule[]> | undefined;
  const ladderNow = () => (ladder ??= loadLadder(dataSource));
  return {
    member: new DataLoader<string, Member | null>(async (ids) =>
      orderByKeys(ids, await dataSource.getRepository(Member).findBy({ id: In([...ids]) }), (m) => m.id),
    ),
    /** The ladder in force now, read once per request. */
    ladder: ladderNow,
    tier: new DataLoader<string, TierRule | null>(async (ids) => orderByKeys(ids, await ladderNow(), (t) => t.id)),
    tierHistory: new DataLoader<string, TierChange[]>(async (memberIds) =>
      groupByKeys(
        memberIds,
        await dataSource.getRepository(TierChange).find({ where: { memberId: In([...memberIds]) }, order: { at: 'DESC', id: 'DESC' } }),
        (c) => c.memberId,
      ),
    ),
  };
}

export type MemberLoaders = ReturnType<typeof createLoaders>;
