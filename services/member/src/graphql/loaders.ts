import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupByKeys, orderByKeys } from '../../../kit/src';
import { Member } from '../db/entities/Member';
import { TierChange } from '../db/entities/TierChange';
import { loadLadder } from '../db/ladder';
import { endExpiredGrants, grantEnded } from '../commands/endGrants';
import type { TierRule } from '../domain/tiers';

/** Per-request loaders: one SQL statement per kind of data however many members a query touches. */
export function createLoaders(dataSource: DataSource) {
  let ladder: Promise<TierRule[]> | undefined;
  const ladderNow = () => (ladder ??= loadLadder(dataSource));
  return {
    member: new DataLoader<string, Member | null>(async (ids) => {
      const read = () => dataSource.getRepository(Member).findBy({ id: In([...ids]) });
      let members = await read();
      // Every channel sees a grant end at its expiry, not at the next sweep.
      const now = new Date();
      const ended = members.filter((m) => grantEnded(m, now)).map((m) => m.id);
      if (ended.length > 0) {
        await endExpiredGrants(dataSource, now, ended);
        members = await read();
      }
      return orderByKeys(ids, members, (m) => m.id);
    }),
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
