import type { DataSource } from 'typeorm';
import { findByPlainSql, orderByKeys, outsideTransaction } from '../../../kit/src';
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
 * Records members' windows in one statement, each only over an older one: the guard is in the
 * statement (no read first), so of two deliveries racing the newer wins whichever lands last, and
 * a repeat (same asOf) changes nothing. `windows` names each member once.
 */
export async function recordSpendWindows(dataSource: DataSource, windows: readonly SpendWindow[]): Promise<void> {
  if (windows.length === 0) return;
  const table = dataSource.getMetadata(MemberSpend).tableName;
  const parameters: Record<string, unknown> = {};
  const values = windows.map((w, i) => {
    Object.assign(parameters, { [`m${i}`]: w.memberId, [`a${i}`]: w.asOf, [`w${i}`]: w.windowMs, [`o${i}`]: encode(w.orders) });
    return `(:m${i}, :a${i}, :w${i}, :o${i})`;
  });
  // MySQL applies the assignments in order, each seeing the ones before: as_of goes last, so the
  // others still compare against the held one.
  const guarded =
    dataSource.options.type === 'mysql'
      ? `ON DUPLICATE KEY UPDATE orders = IF(VALUES(as_of) > as_of, VALUES(orders), orders),
           window_ms = IF(VALUES(as_of) > as_of, VALUES(window_ms), window_ms), as_of = GREATEST(as_of, VALUES(as_of))`
      : `ON CONFLICT (member_id) DO UPDATE SET orders = excluded.orders, window_ms = excluded.window_ms, as_of = excluded.as_of
           WHERE excluded.as_of > ${table}.as_of`;
  const [sql, bound] = dataSource.driver.escapeQueryWithParameters(
    `INSERT INTO ${table} (member_id, as_of, window_ms, orders) VALUES ${values.join(', ')} ${guarded}`,
    parameters,
    {},
  );
  // On its own: on SQLite's one connection a statement sent while another request's transaction is
  // open would join it and be lost with its rollback (outsideTransaction).
  await outsideTransaction(dataSource, (manager) => manager.query(sql, bound));
}

/** The windows held for the members, in key order, null for a member none was sent for: one statement. */
export async function findSpendWindows(dataSource: DataSource, memberIds: readonly string[]): Promise<Array<SpendWindow | null>> {
  const rows = await findByPlainSql(dataSource, MemberSpend, 'WHERE member_id IN (:...memberIds)', { memberIds: [...memberIds] });
  return orderByKeys(memberIds, rows, (r) => r.memberId).map((row) =>
    row ? { memberId: row.memberId, asOf: row.asOf, windowMs: row.windowMs, orders: decode(row.orders) } : null,
  );
}
