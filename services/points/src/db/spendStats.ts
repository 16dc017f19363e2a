import { In, MoreThanOrEqual, type DataSource } from 'typeorm';
import { fromRawDatetime, orderByKeys } from '../../../kit/src';
import { Order } from './entities/Order';

const YEAR_MS = 365 * 86_400_000;

export interface SpendView {
  spendFen: number;
  purchases: number;
  lastPurchaseAt: Date | null;
}

/**
 * Qualifying activity of the rolling 12 months before `now`, per member, net of refunds: one
 * statement for any number of members. The figures the tier engine and Member.spend both use.
 * An order counts by when it was placed (`orderedAt`), not when a store uploaded it: a late upload
 * neither brings an order from before the window into it nor leaves one placed inside it out.
 */
export async function spendStats(dataSource: DataSource, memberIds: readonly string[], now: Date): Promise<SpendView[]> {
  if (memberIds.length === 0) return [];
  const rows: Array<{ memberId: string; spend: string | number | null; purchases: string | number; last: Date | string | null }> =
    await dataSource
      .getRepository(Order)
      .createQueryBuilder('o')
      .select('o.member_id', 'memberId')
      .addSelect('SUM(o.amount_fen - o.refunded_fen)', 'spend')
      .addSelect('SUM(CASE WHEN o.refunded_fen < o.amount_fen THEN 1 ELSE 0 END)', 'purchases')
      .addSelect('MAX(o.ordered_at)', 'last')
      .where({ memberId: In([...memberIds]), orderedAt: MoreThanOrEqual(new Date(now.getTime() - YEAR_MS)) })
      .groupBy('o.member_id')
      .getRawMany();
  return orderByKeys(memberIds, rows, (r) => r.memberId).map((row) => ({
    spendFen: Number(row?.spend ?? 0),
    purchases: Number(row?.purchases ?? 0),
    lastPurchaseAt: fromRawDatetime(row?.last),
  }));
}
