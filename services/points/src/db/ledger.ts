import { randomUUID } from 'node:crypto';
import { MoreThan, type DataSource, type EntityManager } from 'typeorm';
import {
  executeByPlainSql,
  findByPlainSql,
  forUpdate,
  inTransaction,
  insertByPlainSql,
  metricsOf,
  outsideTransaction,
} from '../../../kit/src';
import type { Plan } from '../domain/account';
import { boundChangeSql, type BoundChange } from './activityBound';
import { LedgerEntry } from './entities/LedgerEntry';
import { PointsAccount } from './entities/PointsAccount';
import { PointsLot } from './entities/PointsLot';

/** The account ensureAccount creates: empty, at version 0, its 12-month bound not known yet. */
export function newAccount(memberId: string): PointsAccount {
  return Object.assign(new PointsAccount(), {
    memberId,
    balance: 0,
    debt: 0,
    held: 0,
    version: 0,
    lastSeq: 0,
    boundSpendFen: null,
    boundPurchases: null,
    boundSince: null,
  });
}

/**
 * Makes sure the member's account row exists, in its own statement *before* the transaction that
 * changes it: an INSERT IGNORE inside that transaction would take a shared lock on the existing
 * row, and two such transactions upgrading to an exclusive lock deadlock on MySQL. Outside any
 * transaction (outsideTransaction): on SQLite's one connection it would otherwise join another
 * request's open transaction, and be lost with its rollback.
 */
export async function ensureAccount(dataSource: DataSource, memberId: string): Promise<void> {
  await outsideTransaction(dataSource, (manager) =>
    manager.createQueryBuilder().insert().into(PointsAccount).values(newAccount(memberId)).orIgnore().execute(),
  );
}

/**
 * Reads the account with its row locked for the rest of the transaction (SELECT … FOR UPDATE):
 * every command on one member's points runs one after the other from here on, and always takes
 * this lock first, so lots and entries are never raced and lock order is the same everywhere.
 */
export async function lockAccount(manager: EntityManager, memberId: string): Promise<PointsAccount> {
  const account = await readLocked(manager, memberId);
  if (!account) throw new Error(`no points account for ${memberId}: call ensureAccount first`);
  return account;
}

/** The account under its row lock, or undefined (plain SQL: every earn and burn takes it, and find()'s query building cost more than the statement). */
async function readLocked(manager: EntityManager, memberId: string): Promise<PointsAccount | undefined> {
  const [account] = await findByPlainSql(manager, PointsAccount, `WHERE member_id = :memberId${forUpdate(manager)}`, { memberId });
  return account;
}

/** The member has no account row yet: the transaction that wanted to lock it rolls back (see inAccountTransaction). */
class NoAccountYet extends Error {}

/** The account's version is not the one its change was planned from (setBalance's guard): nothing of that change is written. */
export class AccountChanged extends Error {}

/**
 * Runs `work` in one transaction that starts by locking the member's account (as lockAccount),
 * without the INSERT IGNORE of ensureAccount before it: nearly every member already has their
 * account, so that statement was wasted on all but a first earn. For a member without one, the
 * transaction rolls back before it has written anything, the row is created in its own statement
 * (ensureAccount: why not inside, see there) and the transaction runs again.
 *
 * `readBefore`: the account as read just before the transaction (with other rows, in one statement:
 * readEarnState), for a change planned from the account row alone (an earn: balance, debt, last
 * seq; no lot); null when that read found none (a member's first earn): the row is created first
 * (ensureAccount) and the change planned from it as created (newAccount), so the first earn does
 * not start a transaction only to roll it back. The transaction then starts without the locking read, and `work` must begin with
 * applyPlan: its UPDATE, guarded by the version read, takes the row's lock as the first lock of the
 * transaction (the same lock, in the same order, as every other command), so the plan is applied
 * to exactly the account it was planned from, or — the account changed since it was read — the
 * transaction rolls back having written nothing (AccountChanged) and runs again the usual way,
 * under the lock read. The entries' time, which applyPlan then takes just before that UPDATE, still
 * follows the previous entry's: the change that wrote it had committed before the account was read.
 */
export async function inAccountTransaction<T>(
  dataSource: DataSource,
  memberId: string,
  work: (manager: EntityManager, account: PointsAccount) => Promise<T>,
  readBefore?: PointsAccount | null,
): Promise<T> {
  if (readBefore === null) {
    // Created just now, or by a concurrent first change: if that one changed it already, the version guard sends this one the usual way.
    await ensureAccount(dataSource, memberId);
    readBefore = newAccount(memberId);
  }
  if (readBefore) {
    try {
      return await inTransaction(dataSource, (manager) => work(manager, readBefore));
    } catch (error) {
      if (!(error instanceof AccountChanged)) throw error;
      metricsOf(dataSource)?.ledgerReplans.inc();
    }
  }
  const attempt = () =>
    inTransaction(dataSource, async (manager) => {
      const account = await readLocked(manager, memberId);
      if (!account) throw new NoAccountYet(memberId);
      return work(manager, account);
    });
  try {
    return await attempt();
  } catch (error) {
    if (!(error instanceof NoAccountYet)) throw error;
    await ensureAccount(dataSource, memberId);
    return attempt();
  }
}

/** The member's lots that still hold points (read under the account lock). */
export function openLots(manager: EntityManager, memberId: string): Promise<PointsLot[]> {
  return manager.find(PointsLot, { where: { memberId, remaining: MoreThan(0) }, order: { earnedAt: 'ASC', id: 'ASC' } });
}

/**
 * Sets a locked account's balance and debt by an UPDATE guarded by the version read under the
 * lock: a lost update fails loudly, never silently. `entries` is how many ledger entries the change
 * appends: they take the account's next sequence numbers (see `nextSeqs`). Plain SQL: every change
 * of points runs it, and the query builder cost more CPU than the statement. `bound`: what the
 * change does to the bound of the member's 12-month figures (an earn's order, a merge's unknown;
 * activityBound.ts), in the same statement.
 */
export async function setBalance(
  manager: EntityManager,
  account: PointsAccount,
  after: { balance: number; debt: number; held?: number },
  entries: number,
  bound?: BoundChange,
): Promise<void> {
  const held = after.held === undefined ? '' : ', held = ?';
  const boundSet = boundChangeSql(bound);
  const moved = await executeByPlainSql(
    manager,
    `UPDATE points_accounts SET balance = ?, debt = ?${held}, last_seq = ?, version = version + 1${boundSet.sql} WHERE member_id = ? AND version = ?`,
    [
      after.balance,
      after.debt,
      ...(after.held === undefined ? [] : [after.held]),
      account.lastSeq + entries,
      ...boundSet.parameters,
      account.memberId,
      account.version,
    ],
  );
  if (moved !== 1) throw new AccountChanged(`points account ${account.memberId} changed under its lock`);
}

export interface EntryContext {
  memberId: string;
  source: string;
  sourceRef: string;
  /** Base of the entries' idempotency keys; unique constraints make a retry fail instead of applying twice. */
  idempotencyKey: string;
  /**
   * When the entries are applied. applyPlan takes it under the account lock when it is not given
   * (the service); a test or a replay of history gives its own clock.
   */
  now: Date;
  /** When the points of the lot an earn creates were earned (default: now); an order's own time. */
  earnedAt?: Date;
  /** Marks the entries (see LedgerEntry.flag). */
  flag?: string | null;
  /** Who caused it (see LedgerEntry.actor). */
  actor?: string;
  /** Expiry of the lot an earn creates (null: never). */
  lotExpiresAt?: Date | null;
}

/**
 * The rows a plan writes, from the balance before it: its ledger entries (each with the balance
 * after it) and the lot an earn creates. Pure, so the benchmark's seeder writes the very same rows.
 */
export function rowsOfPlan(
  before: { balance: number; lastSeq: number },
  plan: Plan,
  context: EntryContext,
  newId: () => string = randomUUID,
): { entries: LedgerEntry[]; newLot?: PointsLot } {
  let balance = before.balance;
  let seq = before.lastSeq;
  const entries = plan.entries.map((planned) => {
    balance += planned.points;
    seq += 1;
    return Object.assign(new LedgerEntry(), {
      id: newId(),
      memberId: context.memberId,
      entryType: planned.entryType,
      points: planned.points,
      balanceAfter: balance,
      source: context.source,
      sourceRef: context.sourceRef,
      reason: planned.reason.slice(0, 255),
      idempotencyKey: `${context.idempotencyKey}${planned.keySuffix}`,
      actor: context.actor ?? 'system',
      flag: context.flag ?? null,
      seq,
      createdAt: context.now,
    });
  });
  if (!plan.newLot || plan.newLot.points <= 0) return { entries };
  const newLot = Object.assign(new PointsLot(), {
    id: newId(),
    memberId: context.memberId,
    entryId: entries[0].id,
    orderNo: context.source === 'ORDER' ? context.sourceRef : null,
    points: plan.newLot.points,
    remaining: plan.newLot.remaining,
    earnedAt: context.earnedAt ?? context.now,
    expiresAt: context.lotExpiresAt ?? null,
  });
  return { entries, newLot };
}

/**
 * Applies a plan to a locked account: the balance and debt by an UPDATE guarded by the version
 * read under the lock (a lost update would fail loudly, never silently), the ledger entries
 * (append-only, numbered on from the account's last seq), the lots it consumed and the lot it creates.
 * `context.bound`: what the change does to the bound of the 12-month figures (setBalance).
 */
export async function applyPlan(
  manager: EntityManager,
  account: PointsAccount,
  plan: Plan,
  context: Omit<EntryContext, 'now'> & { now?: Date; bound?: BoundChange },
): Promise<LedgerEntry[]> {
  // The time of application, read here under the lock, so that it follows the entries' order.
  const { entries, newLot } = rowsOfPlan(account, plan, { ...context, now: context.now ?? new Date() });
  await setBalance(manager, account, plan.after, entries.length, context.bound);
  // Plain statements (kit insertByPlainSql): the same rows and statements as insert() and update(), without their query building.
  await insertByPlainSql(manager, LedgerEntry, entries);
  // Counted as written; a transaction rolled back afterwards (a deadlock retried) counts again when it is redone.
  const ledger = metricsOf(manager.connection)?.ledgerEntries;
  for (const entry of entries) ledger?.inc({ kind: entry.entryType });
  for (const [lotId, remaining] of plan.lotChanges) {
    await executeByPlainSql(manager, 'UPDATE points_lots SET remaining = ? WHERE id = ?', [remaining, lotId]);
  }
  if (newLot) await insertByPlainSql(manager, PointsLot, [newLot]);
  return entries;
}
