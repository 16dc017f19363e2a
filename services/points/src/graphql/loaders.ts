import DataLoader from 'dataloader';
import { Between, In, MoreThan, MoreThanOrEqual, type DataSource } from 'typeorm';
import { groupByKeys, orderByKeys } from '../../../kit/src';
import { Order } from '../db/entities/Order';
import { PointsAccount } from '../db/entities/PointsAccount';
import { PointsLot } from '../db/entities/PointsLot';

const DAY_MS = 86_400_000;

export interface AccountView {
  memberId: string;
  balance: number;
  debt: number;
}

export interface SpendView {
  spendFen: number;
  purchases: number;
  lastPurchaseAt: Date | null;
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
    spendOfMember: new DataLoader<string, SpendView>(async (memberIds) => {
      const since = new Date(now().getTime() - 365 * DAY_MS);
      const rows: Array<{ memberId: string; spend: string | number | null; purchases: string | number; last: Date | string | null }> =
        await dataSource
          .getRepository(Order)
          .createQueryBuilder('o')
          .select('o.member_id', 'memberId')
          .addSelect('SUM(o.amount_fen - o.refunded_fen)', 'spend')
          .addSelect('COUNT(*)', 'purchases')
          .addSelect('MAX(o.created_at)', 'last')
          .where({ memberId: In([...memberIds]), createdAt: MoreThanOrEqual(since) })
          .groupBy('o.member_id')
          .getRawMany();
      return orderByKeys(memberIds, rows, (r) => r.memberId).map((row) => ({
        spendFen: Number(row?.spend ?? 0),
        purchases: Number(row?.purchases ?? 0),
        // SQLite answers MAX() of a datetime column as text in UTC, MySQL as a Date.
        lastPurchaseAt: row?.last
          ? new Date(typeof row.last === 'string' && !row.last.includes('Z') ? `${row.last.replace(' ', 'T')}Z` : row.last)
          : null,
      }));
    }),
  };
}

export type PointsLoaders = ReturnType<typeof createLoaders>;
