import type { DataSource } from 'typeorm';
import { fromRawDatetime, orderByKeys } from '../../../kit/src';
import { Order } from './entities/Order';

/** The rolling 12 months the figures are over (the benefits service ages what points sends it by this too). */
export const SPEND_WINDOW_MS = 365 * 86_400_000;

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
  // Plain SQL, bound by the driver as the entity manager binds it (an instant: UTC text for SQLite,
  // a Date for mysql2): every card asks, and the query builder cost more than the statement.
  const [sql, parameters] = dataSource.driver.escapeQueryWithParameters(
    `SELECT member_id, SUM(amount_fen - refunded_fen) AS spend, SUM(CASE WHEN refunded_fen < amount_fen THEN 1 ELSE 0 END) AS purchases,
       MAX(ordered_at) AS last
     FROM ${dataSource.getMetadata(Order).tableName} WHERE member_id IN (:...memberIds) AND ordered_at >= :since GROUP BY member_id`,
    { memberIds: [...memberIds], since: new Date(now.getTime() - SPEND_WINDOW_MS) },
    {},
  );
  const rows: Array<{ member_id: string; spend: string | number | null; purchases: string | number; last: Date | string | null }> =
    await dataSource.query(sql, parameters);
  return orderByKeys(memberIds, rows, (r) => r.member_id).map((row) => ({
    spendFen: Number(row?.spend ?? 0),
    purchases: Number(row?.purchases ?? 0),
    lastPurchaseAt: fromRawDatetime(row?.last),
  }));
}
