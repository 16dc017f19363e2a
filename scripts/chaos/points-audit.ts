/**
 * Checks the points database itself, read-only, after the crash: every order of the burst written
 * exactly once (one `orders` row, one EARN entry with the order's points), no acknowledged order
 * lost, and for every member the invariants the README states and the points tests assert —
 * balance == Σ ledger == Σ remaining of the lots.
 */
import { createRequire } from 'node:module';
import type { DatabaseTarget } from '../../services/kit/src';

/** The little of better-sqlite3 used here (it ships no types, and @types/better-sqlite3 is not a dependency). */
type SqliteDatabase = { prepare(sql: string): { all(...params: unknown[]): unknown[] }; close(): void };
const Sqlite = createRequire(__filename)('better-sqlite3') as new (
  file: string,
  options: { readonly: boolean; fileMustExist: boolean },
) => SqliteDatabase;

interface Reader {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Read-only access to a service's database, bypassing the service (it could be the one lying). */
async function openReadOnly(target: DatabaseTarget): Promise<Reader> {
  if (target.kind === 'sqlite') {
    const db = new Sqlite(target.file, { readonly: true, fileMustExist: true });
    return {
      query: async <T>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params) as T[],
      close: async () => void db.close(),
    };
  }
  const mysql = await import('mysql2/promise');
  const connection = await mysql.createConnection({ uri: target.url, database: target.database });
  await connection.query('SET SESSION TRANSACTION READ ONLY');
  return {
    query: async <T>(sql: string, params: unknown[] = []) => (await connection.query(sql, params))[0] as T[],
    close: () => connection.end(),
  };
}

export interface PointsAudit {
  /** Orders of the burst with more than one EARN entry. */
  duplicates: string[];
  /** Acknowledged orders with no EARN entry. */
  lostAcknowledged: string[];
  /** Orders of the burst without exactly one `orders` row and one EARN entry. */
  notExactlyOnce: string[];
  /** Orders whose EARN entry does not carry the points the order row says it earned. */
  pointsDiffer: string[];
  membersChecked: number;
  /** Members whose balance differs from Σ of their ledger entries. */
  ledgerMismatches: string[];
  /** Members whose balance differs from Σ of their lots' remaining points. */
  lotMismatches: string[];
}

const countBy = (keys: string[]) => keys.reduce((counts, key) => counts.set(key, (counts.get(key) ?? 0) + 1), new Map<string, number>());

export async function auditPoints(
  target: DatabaseTarget,
  orderNos: string[],
  acknowledged: Set<string>,
  prefix: string,
): Promise<PointsAudit> {
  const db = await openReadOnly(target);
  try {
    const like = `${prefix}%`;
    const orders = await db.query<{ orderNo: string; points: number }>(
      'SELECT order_no AS orderNo, points_earned AS points FROM orders WHERE order_no LIKE ?',
      [like],
    );
    const earns = await db.query<{ orderNo: string; points: number }>(
      "SELECT source_ref AS orderNo, points FROM points_ledger WHERE entry_type = 'EARN' AND source = 'ORDER' AND source_ref LIKE ?",
      [like],
    );
    const accounts = await db.query<{ memberId: string; balance: number | string }>(
      'SELECT member_id AS memberId, balance FROM points_accounts',
    );
    const ledgerSums = await db.query<{ memberId: string; total: number | string }>(
      'SELECT member_id AS memberId, SUM(points) AS total FROM points_ledger GROUP BY member_id',
    );
    const lotSums = await db.query<{ memberId: string; total: number | string }>(
      'SELECT member_id AS memberId, SUM(remaining) AS total FROM points_lots GROUP BY member_id',
    );

    const orderRows = countBy(orders.map((o) => o.orderNo));
    const earnRows = countBy(earns.map((e) => e.orderNo));
    const earnedPoints = new Map(earns.map((e) => [e.orderNo, Number(e.points)]));
    // MySQL answers BIGINT and SUM as strings; a member with no rows has a sum of 0.
    const balances = new Map(accounts.map((a) => [a.memberId, Number(a.balance)]));
    const ledger = new Map(ledgerSums.map((s) => [s.memberId, Number(s.total)]));
    const lots = new Map(lotSums.map((s) => [s.memberId, Number(s.total)]));
    const members = [...new Set([...balances.keys(), ...ledger.keys(), ...lots.keys()])];
    return {
      duplicates: [...earnRows].filter(([, n]) => n > 1).map(([orderNo]) => orderNo),
      lostAcknowledged: [...acknowledged].filter((orderNo) => !earnRows.has(orderNo)),
      notExactlyOnce: orderNos.filter((orderNo) => orderRows.get(orderNo) !== 1 || earnRows.get(orderNo) !== 1),
      pointsDiffer: orders
        .filter((o) => earnedPoints.has(o.orderNo) && earnedPoints.get(o.orderNo) !== Number(o.points))
        .map((o) => o.orderNo),
      membersChecked: members.length,
      ledgerMismatches: members.filter((m) => (balances.get(m) ?? 0) !== (ledger.get(m) ?? 0)),
      lotMismatches: members.filter((m) => (balances.get(m) ?? 0) !== (lots.get(m) ?? 0)),
    };
  } finally {
    await db.close();
  }
}
