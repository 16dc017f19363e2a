import type { DataSource } from 'typeorm';
import { findByPlainSql, keepNewerRows, orderByKeys } from '../../../kit/src';
import type { SpendWindow, WindowOrder } from '../domain/spendWindow';
import { MemberSpend } from './entities/MemberSpend';

const encode = (orders: readonly WindowOrder[]) => JSON.stringify(orders.map((o) => [o.orderedAtMs, o.netFen, o.counted ? 1 : 0]));
const decode = (text: string): WindowOrder[] =>
  (JSON.parse(text) as Array<[number, number, number]>).map(([orderedAtMs, netFen, counted]) => ({
    orderedAtMs,
    netFen,
    counted: counted === 1,
  }));

/**
 * Records members' windows in one statement, each only over an older one (keepNewerRows, guarded
 * by as_of): of two deliveries racing the newer wins whichever lands last, and a repeat (same asOf)
 * changes nothing. Outside any transaction, so never lost with another request's rollback.
 */
export async function recordSpendWindows(dataSource: DataSource, windows: readonly SpendWindow[]): Promise<void> {
  const rows = windows.map((w) => ({ memberId: w.memberId, asOf: w.asOf, windowMs: w.windowMs, orders: encode(w.orders) }));
  await keepNewerRows(dataSource, MemberSpend, rows, { key: 'memberId', guard: 'asOf' });
}

/** The windows held for the members, in key order, null for a member none was sent for: one statement. */
export async function findSpendWindows(dataSource: DataSource, memberIds: readonly string[]): Promise<Array<SpendWindow | null>> {
  const rows = await findByPlainSql(dataSource, MemberSpend, 'WHERE member_id IN (:...memberIds)', { memberIds: [...memberIds] });
  return orderByKeys(memberIds, rows, (r) => r.memberId).map((row) =>
    row ? { memberId: row.memberId, asOf: row.asOf, windowMs: row.windowMs, orders: decode(row.orders) } : null,
  );
}
