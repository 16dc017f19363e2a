import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, isUniqueViolation } from '../../../kit/src';
import { LedgerEntry } from '../db/entities/LedgerEntry';
import { applyPlan, ensureAccount, lockAccount, openLots } from '../db/ledger';
import { planBurn } from '../domain/account';
import type { DebitInput } from '../domain/debit';

export interface DebitResult {
  entry: LedgerEntry;
  replayed: boolean;
}

const keyOf = (input: DebitInput) => `DEBIT:${input.idempotencyKey}`;

function replay(entry: LedgerEntry, input: DebitInput): DebitResult {
  if (entry.memberId !== input.memberId || entry.points !== -input.points) {
    throw new DomainError('CONFLICT', 'this idempotencyKey was already used for a different debit', { field: 'idempotencyKey' });
  }
  return { entry, replayed: true };
}

/**
 * Takes points off a balance exactly once per idempotency key. A known key answers its first
 * result even when the balance has since been spent (a retry must not turn into a failure); two
 * racing first attempts are decided by the ledger's unique key.
 */
export async function debitPoints(dataSource: DataSource, input: DebitInput, now = new Date()): Promise<DebitResult> {
  const ledger = dataSource.getRepository(LedgerEntry);
  const known = await ledger.findOneBy({ idempotencyKey: keyOf(input) });
  if (known) return replay(known, input);
  await ensureAccount(dataSource, input.memberId);
  try {
    const [entry] = await inTransaction(dataSource, async (manager) => {
      const account = await lockAccount(manager, input.memberId);
      const plan = planBurn(account, await openLots(manager, input.memberId), input.points, 'REDEEM', input.reason);
      return applyPlan(manager, account, plan, {
        memberId: input.memberId,
        source: input.source,
        sourceRef: input.sourceRef,
        idempotencyKey: keyOf(input),
        now,
      });
    });
    return { entry, replayed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return replay(await ledger.findOneByOrFail({ idempotencyKey: keyOf(input) }), input);
  }
}
