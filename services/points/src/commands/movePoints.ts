import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, inTransaction, isUniqueViolation } from '../../../kit/src';
import { LedgerEntry } from '../db/entities/LedgerEntry';
import { PointsAccount } from '../db/entities/PointsAccount';
import { applyPlan, ensureAccount, lockAccount, openLots } from '../db/ledger';
import { planBurn, planEarn } from '../domain/account';
import { takenFromLots, type TakenPoints } from '../domain/offset';

/** Runs in a first move's transaction, after it is applied: a throw undoes the move. `taken`: what a debit took per lot. */
export type AfterMove = (manager: EntityManager, applied: { entry: LedgerEntry; taken: TakenPoints[] }) => Promise<void>;

/** One movement of points that is not an order: a burn, a staff adjustment, a check-in. */
export interface PointsMove {
  memberId: string;
  /** Signed, never 0: positive credits (a new lot), negative debits (oldest lots first). */
  points: number;
  entryType: 'EARN' | 'REDEEM' | 'ADJUST';
  source: string;
  sourceRef: string;
  reason: string;
  /** The full, namespaced key (e.g. DEBIT:<client key>): unique in the ledger. */
  idempotencyKey: string;
  actor: string;
  /** For a credit: when its lot expires (null: never). */
  lotExpiresAt?: Date | null;
}

export interface MoveResult {
  entry: LedgerEntry;
  replayed: boolean;
}

/**
 * A known key answers its first result only for the same change: same member, points, source and
 * source reference. Reusing a key for another order must not pass as a replay (the second
 * checkout would get its discount without a debit).
 */
function replay(entry: LedgerEntry, move: PointsMove): MoveResult {
  const same =
    entry.memberId === move.memberId && entry.points === move.points && entry.source === move.source && entry.sourceRef === move.sourceRef;
  if (!same) {
    throw new DomainError('CONFLICT', 'this idempotencyKey was already used for a different change', { field: 'idempotencyKey' });
  }
  return { entry, replayed: true };
}

/**
 * Moves points exactly once per idempotency key. A known key answers its first result even when
 * the balance has since changed (a retry must not turn into a failure); two racing first attempts
 * are decided by the ledger's unique key. A debit beyond the balance is INSUFFICIENT_POINTS.
 */
export async function movePoints(dataSource: DataSource, move: PointsMove, now?: Date, afterMove?: AfterMove): Promise<MoveResult> {
  const ledger = dataSource.getRepository(LedgerEntry);
  const known = await ledger.findOneBy({ idempotencyKey: move.idempotencyKey });
  if (known) return replay(known, move);
  // A debit needs points, so it needs an account: one that does not exist is refused, and not created.
  if (move.points < 0 && !(await dataSource.getRepository(PointsAccount).existsBy({ memberId: move.memberId }))) {
    throw new DomainError('INSUFFICIENT_POINTS', 'no points to spend');
  }
  await ensureAccount(dataSource, move.memberId);
  try {
    const [entry] = await inTransaction(dataSource, async (manager) => {
      const account = await lockAccount(manager, move.memberId);
      const lots = move.points > 0 ? [] : await openLots(manager, move.memberId);
      const plan =
        move.points > 0
          ? planEarn(account, move.points, move.reason, move.entryType === 'ADJUST' ? 'ADJUST' : 'EARN')
          : planBurn(account, lots, -move.points, move.entryType === 'ADJUST' ? 'ADJUST' : 'REDEEM', move.reason);
      const entries = await applyPlan(manager, account, plan, {
        memberId: move.memberId,
        source: move.source,
        sourceRef: move.sourceRef,
        idempotencyKey: move.idempotencyKey,
        actor: move.actor,
        now,
        lotExpiresAt: move.lotExpiresAt,
      });
      if (afterMove) await afterMove(manager, { entry: entries[0], taken: takenFromLots(lots, plan) });
      return entries;
    });
    return { entry, replayed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return replay(await ledger.findOneByOrFail({ idempotencyKey: move.idempotencyKey }), move);
  }
}
