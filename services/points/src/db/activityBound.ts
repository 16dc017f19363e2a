import type { DataSource, EntityManager } from 'typeorm';
import { executeByPlainSql, fromRawDatetime, orderByKeys, outsideTransaction } from '../../../kit/src';
import { PointsAccount } from './entities/PointsAccount';
import { readFigures, SPEND_WINDOW_MS, type SpendView } from './spendStats';

/**
 * The upper bound of a member's 12-month figures kept on their points account (PointsAccount.boundSpendFen,
 * boundPurchases, boundSince), so an earn that cannot upgrade its member tells so without reading the
 * figures (reportEarnActivity). Why it stays ≥ the true figures, path by path:
 * - an earn adds its order (amount, 1 purchase) in its guarded balance UPDATE (setBalance), in its
 *   own transaction; an earn inside the return window, which changes no balance, adds it by
 *   addPendingOrder, in its transaction, before its order is written;
 * - a merge moves the source's orders to the target: the target's bound becomes unknown (NULL) in
 *   the merge's transaction (setBalance's 'unknown');
 * - refunds and aging only lower the true figures; an order placed long ago (backdated) is added
 *   whole, whether or not its time is inside the 12 months;
 * - a refresh (refreshBounds) sets the bound to exact figures read in one statement with the
 *   account's version, and writes only where that version is still the account's: every path above
 *   that adds an order bumps the version in the same statement as it adds, so an order the read did
 *   not see makes the refresh write nothing.
 * The bound counts the orders placed from `boundSince` on, so it answers only for 12 months that
 * start no earlier (boundCovers): a decision dated before the refresh reads the figures.
 */
export interface ActivityBound {
  spendFen: number;
  purchases: number;
  since: Date;
}

/** What a change of points does to the account's bound: adds an order, or makes it unknown (a merge brought orders). */
export type BoundChange = { spendFen: number; purchases: number } | 'unknown';

/** The account's bound after an earn added `order` to it, or undefined when it is not known. */
export function boundAfterEarn(account: PointsAccount, amountFen: number): ActivityBound | undefined {
  if (account.boundSpendFen == null || account.boundPurchases == null || account.boundSince == null) return undefined;
  return { spendFen: account.boundSpendFen + amountFen, purchases: account.boundPurchases + 1, since: account.boundSince };
}

/** Whether the bound answers for the 12 months ending `now`: it counted every order of theirs it must. */
export function boundCovers(bound: ActivityBound, now: Date): boolean {
  return now.getTime() - SPEND_WINDOW_MS >= bound.since.getTime();
}

/** The SET clause of a BoundChange, for the account's UPDATE (setBalance): no statement of its own. */
export function boundChangeSql(change: BoundChange | undefined): { sql: string; parameters: number[] } {
  if (!change) return { sql: '', parameters: [] };
  if (change === 'unknown') return { sql: ', bound_spend_fen = NULL, bound_purchases = NULL, bound_since = NULL', parameters: [] };
  // NULL + x is NULL: an unknown bound stays unknown.
  return {
    sql: ', bound_spend_fen = bound_spend_fen + ?, bound_purchases = bound_purchases + ?',
    parameters: [change.spendFen, change.purchases],
  };
}

/**
 * In the transaction of an earn inside the return window (no balance change, so no setBalance):
 * adds the order to the bound and bumps the version a refresh is guarded by. The account's row lock
 * is the transaction's first, as in every command on a member's points.
 */
export async function addPendingOrder(manager: EntityManager, memberId: string, amountFen: number): Promise<void> {
  const bound = boundChangeSql({ spendFen: amountFen, purchases: 1 });
  await executeByPlainSql(manager, `UPDATE points_accounts SET version = version + 1${bound.sql} WHERE member_id = ?`, [
    ...bound.parameters,
    memberId,
  ]);
}

/** A member's exact figures with what a refresh needs: the account's version and bound, read in the same statement. */
export interface FiguresRow {
  member_id: string;
  spend: string | number | null;
  purchases: string | number;
  last: Date | string | null;
  version: string | number | null;
  bound_spend: string | number | null;
  bound_purchases: string | number | null;
}

/**
 * The 12-month figures as spendStats reads them (the same rows, the same sums; one statement), and
 * the bound of each member refreshed to them where it differs (refreshBounds). For the reads points
 * makes anyway after an earn's answer (the activity deliveries), never on the request path.
 */
export async function spendStatsRefreshingBounds(dataSource: DataSource, memberIds: readonly string[], now: Date): Promise<SpendView[]> {
  if (memberIds.length === 0) return [];
  // Outside any transaction (outsideTransaction): on SQLite's one connection the read would see an
  // open transaction's uncommitted orders and version, and the refresh could join it.
  const rows = await outsideTransaction(dataSource, async () => {
    const read = await readFiguresForRefresh(dataSource, memberIds, now);
    await refreshBounds(dataSource, read.rows, read.since);
    return read.rows;
  });
  return orderByKeys(memberIds, rows, (r) => r.member_id).map((row) => ({
    spendFen: Number(row?.spend ?? 0),
    purchases: Number(row?.purchases ?? 0),
    lastPurchaseAt: fromRawDatetime(row?.last),
  }));
}

/** The members' 12-month figures ending `now` (from `since`) with their accounts' versions and bounds, in one statement. */
export async function readFiguresForRefresh(
  dataSource: DataSource,
  memberIds: readonly string[],
  now: Date,
): Promise<{ rows: FiguresRow[]; since: Date }> {
  const since = new Date(now.getTime() - SPEND_WINDOW_MS);
  // One statement: the figures and the version are of one snapshot, so no order counted here is
  // missing from the version, nor one missing from the figures counted in it.
  return { rows: await readFigures<FiguresRow>(dataSource, memberIds, since, true), since };
}

/**
 * Sets each bound to the exact figures read, guarded by the version read with them: an earn, a
 * pending earn or a merge that committed after that read bumped it, so the refresh writes nothing
 * for that member and the bound keeps that change's addition (or its NULL). The version is not
 * bumped here: a refresh changes no balance, and a concurrent earn planned from the account before
 * it adds its order to a bound that was ≥ the truth either way. A bound already equal to the
 * figures is left as it is: the usual case after an earn of a member whose bound was refreshed.
 * The rest go in one UPDATE (each row guarded by its own member and version, as storeFigures in
 * member does): a batch of activity reports refreshes many bounds, and one statement each was most
 * of what points sent after an earn's answer.
 */
export async function refreshBounds(dataSource: DataSource, rows: readonly FiguresRow[], since: Date): Promise<void> {
  const stale = rows.flatMap((row) => {
    if (row.version === null) return [];
    const spend = Number(row.spend ?? 0);
    const purchases = Number(row.purchases ?? 0);
    if (row.bound_spend !== null && Number(row.bound_spend) === spend && Number(row.bound_purchases) === purchases) return [];
    return [{ memberId: row.member_id, spend, purchases, version: Number(row.version) }];
  });
  if (stale.length === 0) return;
  const when = stale.map(() => 'WHEN ? THEN ?').join(' ');
  const sql =
    `UPDATE points_accounts SET bound_spend_fen = CASE member_id ${when} END, bound_purchases = CASE member_id ${when} END, bound_since = ?` +
    // The key list first: the statement finds (and on MySQL locks) only these rows, by key.
    ` WHERE member_id IN (${stale.map(() => '?').join(', ')}) AND (${stale.map(() => '(member_id = ? AND version = ?)').join(' OR ')})`;
  const sinceColumn = dataSource.getMetadata(PointsAccount).findColumnWithPropertyName('boundSince')!;
  // The manager, not the DataSource: the caller is already outside any transaction (spendStatsRefreshingBounds).
  await executeByPlainSql(dataSource.manager, sql, [
    ...stale.flatMap((row) => [row.memberId, row.spend]),
    ...stale.flatMap((row) => [row.memberId, row.purchases]),
    dataSource.driver.preparePersistentValue(since, sinceColumn),
    ...stale.map((row) => row.memberId),
    ...stale.flatMap((row) => [row.memberId, row.version]),
  ]);
}
