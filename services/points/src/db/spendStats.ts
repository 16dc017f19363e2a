import type { DataSource } from 'typeorm';
import { fromRawDatetime, orderByKeys, queryByPlainSql } from '../../../kit/src';
import { Order } from './entities/Order';

/** The rolling 12 months the figures are over (the benefits service ages what points sends it by this too). */
export const SPEND_WINDOW_MS = 365 * 86_400_000;

export interface SpendView {
  spendFen: number;
  purchases: number;
  lastPurchaseAt: Date | null;
}

/**
 * The members' figures over the orders placed from `since` on (spend net of refunds, purchases not
 * wholly refunded, the last order's time), one row per member with orders, read by one statement.
 * `withAccount` adds the points account's version and bound of the 12-month figures, read in the
 * same statement (activityBound.ts refreshes the bound from it). Plain SQL, bound by the driver as
 * the entity manager binds it (the kit's queryByPlainSql): every card asks, and the query builder
 * cost more than the statement.
 */
export function readFigures<Row>(dataSource: DataSource, memberIds: readonly string[], since: Date, withAccount = false): Promise<Row[]> {
  const account = withAccount
    ? ', MAX(a.version) AS version, MAX(a.bound_spend_fen) AS bound_spend, MAX(a.bound_purchases) AS bound_purchases'
    : '';
  const join = withAccount ? ' LEFT JOIN points_accounts a ON a.member_id = o.member_id' : '';
  return queryByPlainSql<Row>(
    dataSource,
    `SELECT o.member_id, SUM(o.amount_fen - o.refunded_fen) AS spend,
       SUM(CASE WHEN o.refunded_fen < o.amount_fen THEN 1 ELSE 0 END) AS purchases, MAX(o.ordered_at) AS last${account}
     FROM ${dataSource.getMetadata(Order).tableName} o${join}
     WHERE o.member_id IN (:...memberIds) AND o.ordered_at >= :since GROUP BY o.member_id`,
    { memberIds: [...memberIds], since },
  );
}

/**
 * Qualifying activity of the rolling 12 months before `now`, per member, net of refunds: one
 * statement for any number of members. The figures the tier engine and Member.spend both use.
 * An order counts by when it was placed (`orderedAt`), not when a store uploaded it: a late upload
 * neither brings an order from before the window into it nor leaves one placed inside it out.
 */
export async function spendStats(dataSource: DataSource, memberIds: readonly string[], now: Date): Promise<SpendView[]> {
  if (memberIds.length === 0) return [];
  const rows = await readFigures<{
    member_id: string;
    spend: string | number | null;
    purchases: string | number;
    last: Date | string | null;
  }>(dataSource, memberIds, new Date(now.getTime() - SPEND_WINDOW_MS));
  return orderByKeys(memberIds, rows, (r) => r.member_id).map((row) => ({
    spendFen: Number(row?.spend ?? 0),
    purchases: Number(row?.purchases ?? 0),
    lastPurchaseAt: fromRawDatetime(row?.last),
  }));
}
