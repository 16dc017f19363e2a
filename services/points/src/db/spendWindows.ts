import type { DataSource } from 'typeorm';
import { fromRawDatetime, groupByKeys, queryByPlainSql } from '../../../kit/src';
import { Order } from './entities/Order';
import { SPEND_WINDOW_MS } from './spendStats';

/** One order of a member's rolling window, as spendStats counts it. */
export interface WindowOrderView {
  orderedAt: Date;
  /** Amount net of refunds, in fen. */
  netFen: number;
  /** Not wholly refunded: a purchase. */
  counted: boolean;
}

/**
 * Each member's orders that spendStats sums at `now` (the same rows: placed at or after
 * now − SPEND_WINDOW_MS), one list per member in key order, in one statement. From them the
 * figures at `now` and at any later instant, until the member's orders change, follow (the benefits
 * service's domain/spendWindow.ts): what it needs to age the figures without asking again.
 */
export async function spendWindows(dataSource: DataSource, memberIds: readonly string[], now: Date): Promise<WindowOrderView[][]> {
  if (memberIds.length === 0) return [];
  const rows = await queryByPlainSql<{ member_id: string; ordered_at: Date | string; net: string | number; counted: string | number }>(
    dataSource,
    `SELECT member_id, ordered_at, amount_fen - refunded_fen AS net, CASE WHEN refunded_fen < amount_fen THEN 1 ELSE 0 END AS counted
     FROM ${dataSource.getMetadata(Order).tableName} WHERE member_id IN (:...memberIds) AND ordered_at >= :since`,
    { memberIds: [...memberIds], since: new Date(now.getTime() - SPEND_WINDOW_MS) },
  );
  return groupByKeys(memberIds, rows, (r) => r.member_id).map((orders) =>
    orders.map((r) => ({ orderedAt: fromRawDatetime(r.ordered_at)!, netFen: Number(r.net), counted: Number(r.counted) === 1 })),
  );
}
