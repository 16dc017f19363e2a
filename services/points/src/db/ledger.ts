import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
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
 * Appends one ledger entry and moves the balance by the same amount, inside the caller's
 * transaction. The balance moves by a guarded UPDATE that adds in SQL, so concurrent writers
 * never lose an update (the row lock serialises them on MySQL; SQLite has one writer), and the
 * unique idempotency key makes a retried entry fail instead of applying twice.
 */
export async function appendLedgerEntry(manager: EntityManager, entry: NewEntry, now = new Date()): Promise<LedgerEntry> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(PointsAccount)
    .values({ memberId: entry.memberId, balance: 0, version: 0 })
    .orIgnore()
    .execute();
  await manager
    .createQueryBuilder()
    .update(PointsAccount)
    .set({ balance: () => `balance + ${Math.trunc(entry.points)}`, version: () => 'version + 1' })
    .where('member_id = :memberId', { memberId: entry.memberId })
    .execute();
  const account = await manager.findOneByOrFail(PointsAccount, { memberId: entry.memberId });
  const row = Object.assign(new LedgerEntry(), entry, { id: randomUUID(), balanceAfter: account.balance, createdAt: now });
  await manager.insert(LedgerEntry, row);
  return row;
}
