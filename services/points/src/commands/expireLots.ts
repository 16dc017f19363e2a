import { LessThanOrEqual, MoreThan, type DataSource } from 'typeorm';
import { inTransaction } from '../../../kit/src';
import { PointsLot } from '../db/entities/PointsLot';
import { applyPlan, lockAccount } from '../db/ledger';
import { planExpiry } from '../domain/account';

/**
 * Expires every lot that is due at `now`, a batch at a time, each lot in its own transaction.
 * Idempotent and resumable: an expired lot holds nothing more, its entry's key is EXPIRE:<lot id>,
 * and a run stopped half-way simply leaves the rest for the next run.
 */
export async function expireDueLots(dataSource: DataSource, now?: Date, batchSize = 500): Promise<{ lots: number; points: number }> {
  // Due at the run's start; each entry is dated when it is applied, under its account's lock (unless a test gives `now`).
  const dueBy = now ?? new Date();
  let lots = 0;
  let points = 0;
  for (;;) {
    const due = await dataSource.getRepository(PointsLot).find({
      where: { expiresAt: LessThanOrEqual(dueBy), remaining: MoreThan(0) },
      order: { expiresAt: 'ASC', id: 'ASC' },
      take: batchSize,
    });
    for (const candidate of due) {
      const expired = await inTransaction(dataSource, async (manager) => {
        const account = await lockAccount(manager, candidate.memberId);
        // Re-read under the account lock: a burn may have emptied the lot since the batch was read.
        const lot = await manager.findOneByOrFail(PointsLot, { id: candidate.id });
        if (lot.remaining === 0) return 0;
        const plan = planExpiry(account, lot, `points earned ${lot.earnedAt.toISOString().slice(0, 10)} expired`);
        await applyPlan(manager, account, plan, {
          memberId: lot.memberId,
          source: 'EXPIRY',
          sourceRef: lot.id,
          idempotencyKey: `EXPIRE:${lot.id}`,
          now,
        });
        return -plan.entries.reduce((sum, e) => sum + e.points, 0);
      });
      lots += 1;
      points += expired;
    }
    if (due.length < batchSize) return { lots, points };
  }
}
