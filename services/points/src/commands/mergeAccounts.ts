import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, enqueueOutboxEvents, inTransaction, isUniqueViolation } from '../../../kit/src';
import { LedgerEntry } from '../db/entities/LedgerEntry';
import { Order } from '../db/entities/Order';
import { PendingPoints } from '../db/entities/PendingPoints';
import { PointsAccount } from '../db/entities/PointsAccount';
import { PointsLot } from '../db/entities/PointsLot';
import { applyPlan, ensureAccount, lockAccount, openLots, setBalance } from '../db/ledger';
import { planClawback } from '../domain/account';
import { activityEvent } from './publishActivity';
import { spendEvent } from './publishSpend';
import { keepTierCopies, MERGED_AWAY_VERSION } from '../db/memberTiers';

export interface MergeResult {
  pointsMoved: number;
  targetBalanceAfter: number;
  replayed: boolean;
}

/**
 * Moves a merged member's points to the member they were merged into, in one transaction under
 * both account locks (taken in id order, as everywhere): the balance leaves the source and reaches
 * the target as a pair of ADJUST entries (source MERGE), the open lots move with their expiry
 * dates, debt moves as debt and is then netted against the merged balance like any other debt (a
 * CLAWBACK, oldest lots first), and orders and pending points follow so refunds, spend and tier
 * figures count for the target. Idempotent by merge id: the entries' keys are unique.
 */
export async function mergeAccounts(
  dataSource: DataSource,
  merge: { mergeId: string; sourceMemberId: string; targetMemberId: string },
  actor: string,
  now?: Date,
): Promise<MergeResult> {
  const { mergeId, sourceMemberId: source, targetMemberId: target } = merge;
  if (!mergeId || !source || !target || source === target) {
    throw new DomainError('BAD_USER_INPUT', 'a merge needs its id and two different members');
  }
  const keyOut = `MERGE:${mergeId}:out`;
  const ledger = dataSource.getRepository(LedgerEntry);
  const replay = async (): Promise<MergeResult | null> => {
    const done = await ledger.findOneBy({ idempotencyKey: keyOut });
    if (!done) return null;
    if (done.memberId !== source) throw new DomainError('CONFLICT', 'this merge id was used for other members');
    const account = await dataSource.getRepository(PointsAccount).findOneByOrFail({ memberId: target });
    return { pointsMoved: -done.points, targetBalanceAfter: account.balance, replayed: true };
  };
  const known = await replay();
  if (known) return known;
  await ensureAccount(dataSource, source);
  await ensureAccount(dataSource, target);
  try {
    return await inTransaction(dataSource, async (manager) => {
      const [first, second] = [source, target].sort();
      const locked = new Map([
        [first, await lockAccount(manager, first)],
        [second, await lockAccount(manager, second)],
      ]);
      const from = locked.get(source)!;
      const to = locked.get(target)!;
      const moved = from.balance;
      const at = now ?? new Date();
      await setBalance(manager, from, { balance: 0, debt: 0 }, 1);
      // The source's orders become the target's (below): the bound of the target's 12-month figures is not known any more.
      await setBalance(manager, to, { balance: to.balance + moved, debt: to.debt + from.debt }, 1, 'unknown');
      // Always both entries (0 points when the source held none): the pair is the merge's record and its key.
      const entry = (memberId: string, seq: number, points: number, balanceAfter: number, key: string, reason: string) =>
        Object.assign(new LedgerEntry(), {
          id: randomUUID(),
          memberId,
          entryType: 'ADJUST',
          points,
          balanceAfter,
          source: 'MERGE',
          sourceRef: mergeId,
          reason,
          idempotencyKey: key,
          actor,
          seq,
          createdAt: at,
        });
      await manager.insert(LedgerEntry, [
        entry(source, from.lastSeq + 1, -moved, 0, keyOut, `merged into member ${target}`),
        entry(target, to.lastSeq + 1, moved, to.balance + moved, `MERGE:${mergeId}:in`, `merged from member ${source}`),
      ]);
      await manager.update(PointsLot, { memberId: source }, { memberId: target });
      await manager.update(Order, { memberId: source }, { memberId: target });
      await manager.update(PendingPoints, { memberId: source }, { memberId: target });
      // Debt is paid from the balance before anything else can spend it, whichever side brought which.
      const merged = await lockAccount(manager, target);
      const netted = Math.min(merged.balance, merged.debt);
      if (netted > 0) {
        const plan = planClawback(
          { balance: merged.balance, debt: merged.debt - netted },
          await openLots(manager, target),
          netted,
          'netted against debt: merge',
        );
        await applyPlan(manager, merged, plan, {
          memberId: target,
          source: 'MERGE',
          sourceRef: mergeId,
          idempotencyKey: `MERGE:${mergeId}:DEBT`,
          actor,
          now: at,
        });
      }
      // The source is no member any more: its tier copy can never serve an earn again (the member service answers NOT_FOUND).
      await keepTierCopies(
        manager,
        [{ memberId: source, tierId: '', tierVersion: MERGED_AWAY_VERSION, granted: false, grantExpiresAt: null }],
        at,
      );
      // The target's 12-month figures now include the source's orders: tell the tier engine, and
      // benefits both members' spend (the source's is now empty). The dispatcher delivers them.
      await enqueueOutboxEvents(manager, [activityEvent(target, at), spendEvent(target, at), spendEvent(source, at)]);
      return { pointsMoved: moved, targetBalanceAfter: merged.balance - netted, replayed: false };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await replay())!;
  }
}
