import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { orderByKeys } from '../../../kit/src';
import { PointsAccount } from '../db/entities/PointsAccount';

/** Per-request loaders: one statement for the balances of any number of members. */
export function createLoaders(dataSource: DataSource) {
  return {
    balanceOfMember: new DataLoader<string, number>(async (memberIds) =>
      orderByKeys(
        memberIds,
        await dataSource.getRepository(PointsAccount).findBy({ memberId: In([...memberIds]) }),
        (a) => a.memberId,
        () => null,
      ).map((account) => account?.balance ?? 0),
    ),
  };
}

export type PointsLoaders = ReturnType<typeof createLoaders>;
