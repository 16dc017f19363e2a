import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { actorOf, findByPlainSql, groupByKeys, orderByKeys, type RequestBase } from '../../../kit/src';
import { Member } from '../db/entities/Member';
import { TierChange } from '../db/entities/TierChange';
import { ConsentChange } from '../db/entities/ConsentChange';
import { readWithGrantsEnded } from '../commands/endGrants';
import { recordPiiReads } from '../commands/recordPiiReads';
import { sharedLadder } from '../db/ladder';
import type { TierRule } from '../domain/tiers';

/** Per-request loaders: one SQL statement per kind of data however many members a query touches. */
export function createLoaders(dataSource: DataSource, request: Pick<RequestBase, 'identity' | 'requestId'>) {
  let ladder: Promise<TierRule[]> | undefined;
  const ladderNow = () => (ladder ??= sharedLadder(dataSource));
  return {
    member: new DataLoader<string, Member | null>(async (ids) =>
      orderByKeys(
        ids,
        await readWithGrantsEnded(dataSource, () => findByPlainSql(dataSource, Member, 'WHERE id IN (:...ids)', { ids: [...ids] })),
        (m) => m.id,
      ),
    ),
    /**
     * Records that staff or a partner read a member's personal data (PIPL audit): every read of a
     * request goes into one INSERT. Keys are `<memberId>:<field>`.
     */
    piiRead: new DataLoader<string, true>(async (keys) => {
      await recordPiiReads(dataSource, { actor: actorOf(request.identity), requestId: request.requestId }, keys);
      return keys.map(() => true as const);
    }),
    /** The ladder in force now, the same for the whole request (from the process's shared tier versions). */
    ladder: ladderNow,
    tier: new DataLoader<string, TierRule | null>(async (ids) => orderByKeys(ids, await ladderNow(), (t) => t.id)),
    tierHistory: new DataLoader<string, TierChange[]>(async (memberIds) =>
      groupByKeys(
        memberIds,
        await dataSource.getRepository(TierChange).find({ where: { memberId: In([...memberIds]) }, order: { at: 'DESC', id: 'DESC' } }),
        (c) => c.memberId,
      ),
    ),
    consentHistory: new DataLoader<string, ConsentChange[]>(async (memberIds) =>
      groupByKeys(
        memberIds,
        await dataSource.getRepository(ConsentChange).find({ where: { memberId: In([...memberIds]) }, order: { at: 'DESC', id: 'DESC' } }),
        (c) => c.memberId,
      ),
    ),
  };
}

export type MemberLoaders = ReturnType<typeof createLoaders>;
