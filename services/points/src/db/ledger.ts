import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../../kit/src';
import { LedgerEntry } from './entities/LedgerEntry';
import { PointsAccount } from './entities/PointsAccount';

export interface NewEntry {
  memberId: string;
  entryType: 'EARN' | 'REDEEM' | 'EXPIRE' | 'ADJUST' | 'CLAWBACK' | 'REVERSAL';
  points: number;
  source: string;
  sourceRef: string;
  reason: string;
  idempotencyKey: string;
}

/**
 * Makes sure the member's account row exists, in its own statement *before* the transaction that
 * moves the balance: an INSERT IGNORE inside that transaction would take a shared lock on the
 * existing row, and two such transactions upgrading to the UPDATE's exclusive lock deadlock on MySQL.
 */
export async function ensureAccount(dataSource: DataSource, memberId: string): Promise<void> {
  await dataSource.createQueryBuilder().insert().into(PointsAccount).values({ memberId, balance: 0, version: 0 }).orIgnore().execute();
}

/**
 * Appends one ledger entry and moves the balance by the same amount, inside the caller's
 * transaction (the account must exist: ensureAccount). The balance moves by an UPDATE that adds in
 * SQL, so concurrent writers never lose an update (the row lock serialises them on MySQL; SQLite
 * has one writer). A removal is guarded in the same statement (`AND balance >= n`): the balance
 * can never go below zero, and a shortfall is INSUFFICIENT_POINTS with nothing written. The unique
 * idempotency key makes a retried entry fail instead of applying twice.
 */
export async function appendLedgerEntry(manager: EntityManager, entry: NewEntry, now = new Date()): Promise<LedgerEntry> {
  const points = Math.trunc(entry.points);
  const update = manager
    .createQueryBuilder()
    .update(PointsAccount)
    .set({ balance: () => `balance + ${points}`, version: () => 'version + 1' })
    .where('member_id = :memberId', { memberId: entry.memberId });
  if (points < 0) update.andWhere('balance >= :needed', { needed: -points });
  const moved = await update.execute();
  if (moved.affected !== 1) {
    if (points < 0) throw new DomainError('INSUFFICIENT_POINTS', `the balance is smaller than ${-points} points`, { field: 'points' });
    throw new Error(`no points account for ${entry.memberId}: call ensureAccount first`);
  }
  const account = await manager.findOneByOrFail(PointsAccount, { memberId: entry.memberId });
  const row = Object.assign(new LedgerEntry(), entry, { points, id: randomUUID(), balanceAfter: account.balance, createdAt: now });
  await manager.insert(LedgerEntry, row);
  return row;
}
