import DataLoader from 'dataloader';
import { Between, In, IsNull, MoreThan, type DataSource } from 'typeorm';
import { groupByKeys, orderByKeys } from '../../../kit/src';
import { PendingPoints } from '../db/entities/PendingPoints';
import { PointsAccount } from '../db/entities/PointsAccount';
import { PointsLot } from '../db/entities/PointsLot';
import { spendStats, type SpendView } from '../db/spendStats';

const DAY_MS = 86_400_000;

export interface AccountView {
  memberId: string;
  balance: number;
  debt: number;
}

/** Per-request loaders: one statement each for any number of members. */
export function createLoaders(dataSource: DataSource, now: () => Date = () => new Date()) {
  return {
    accountOfMember: new DataLoader<string, AccountView>(async (memberIds) =>
      orderByKeys(
        memberIds,
        await dataSource.getRepository(PointsAccount).findBy({ memberId: In([...memberIds]) }),
        (a) => a.memberId,
        (memberId): AccountView => ({ memberId, balance: 0, debt: 0 }),
      ),
    ),
    lotsExpiringSoon: new DataLoader<string, PointsLot[]>(async (memberIds) => {
      const from = now();
      const lots = await dataSource.getRepository(PointsLot).find({
        where: { memberId: In([...memberIds]), remaining: MoreThan(0), expiresAt: Between(from, new Date(from.getTime() + 30 * DAY_MS)) },
        order: { expiresAt: 'ASC' },
      });
      return groupByKeys(memberIds, lots, (l) => l.memberId);
    }),
    pendingOfMember: new DataLoader<string, number>(async (memberIds) => {
      const rows: Array<{ memberId: string; points: string | number }> = await dataSource
        .getRepository(PendingPoints)
        .createQueryBuilder('p')
        .select('p.member_id', 'memberId')
        .addSelect('SUM(p.points)', 'points')
        .where({ memberId: In([...memberIds]), releasedAt: IsNull() })
        .groupBy('p.member_id')
        .getRawMany();
      return orderByKeys(memberIds, rows, (r) => r.memberId).map((row) => Number(row?.points ?? 0));
    }),
    spendOfMember: new DataLoader<string, SpendView>((memberIds) => spendStats(dataSource, memberIds, now())),
  };
}

export type PointsLoaders = ReturnType<typeof createLoaders>;
