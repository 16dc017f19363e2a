import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { orderByKeys } from '../../../kit/src';
import { Member } from '../db/entities/Member';
import { TierDefinition } from '../db/entities/TierDefinition';

/** Per-request loaders: one SQL statement per entity type however many members a query touches. */
export function createLoaders(dataSource: DataSource) {
  return {
    member: new DataLoader<string, Member | null>(async (ids) =>
      orderByKeys(ids, await dataSource.getRepository(Member).findBy({ id: In([...ids]) }), (m) => m.id),
    ),
    tier: new DataLoader<string, TierDefinition | null>(async (ids) =>
      orderByKeys(ids, await dataSource.getRepository(TierDefinition).findBy({ id: In([...ids]) }), (t) => t.id),
    ),
  };
}

export type MemberLoaders = ReturnType<typeof createLoaders>;
