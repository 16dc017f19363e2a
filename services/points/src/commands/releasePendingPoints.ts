import { IsNull, LessThanOrEqual, type DataSource } from 'typeorm';
import { inTransaction, rowLock } from '../../../kit/src';
import { Order } from '../db/entities/Order';
import { PendingPoints } from '../db/entities/PendingPoints';
import { applyPlan, ensureAccount, lockAccount } from '../db/ledger';
import { planEarn } from '../domain/account';
import { LATE_ORDER, orderEntryContext, orderReason } from './recordOrder';

/**
 * Earns the points of orders whose return window has passed: the EARN entry (keyed ORDER:<no>, so
 * never twice) and a lot, as an immediate earn would have. Batched, idempotent, resumable.
 */
export async function releasePendingPoints(
  dataSource: DataSource,
  now?: Date,
  batchSize = 500,
): Promise<{ orders: number; points: number }> {
  const dueBy = now ?? new Date();
  let orders = 0;
  let points = 0;
  for (;;) {
    const due = await dataSource.getRepository(PendingPoints).find({
      where: { releasedAt: IsNull(), availableAt: LessThanOrEqual(dueBy) },
      order: { availableAt: 'ASC', orderNo: 'ASC' },
      take: batchSize,
    });
    for (const candidate of due) {
      await ensureAccount(dataSource, candidate.memberId);
      points += await inTransaction(dataSource, async (manager) => {
        const account = await lockAccount(manager, candidate.memberId);
        const pending = await manager.findOneOrFail(PendingPoints, { where: { orderNo: candidate.orderNo }, lock: rowLock(manager) });
        if (pending.releasedAt) return 0;
        await manager.update(PendingPoints, { orderNo: pending.orderNo }, { releasedAt: now ?? new Date() });
        if (pending.points === 0) return 0;
        const order = await manager.findOneByOrFail(Order, { orderNo: pending.orderNo });
        await applyPlan(manager, account, planEarn(account, pending.points, `${orderReason(order)} (return window passed)`), {
          ...orderEntryContext({ ...order, late: pending.flag === LATE_ORDER }, 'system', now),
          lotExpiresAt: pending.lotExpiresAt,
        });
        return pending.points;
      });
      orders += 1;
    }
    if (due.length < batchSize) return { orders, points };
  }
}
