import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, isUniqueViolation, parseCode, parsePositiveFen, rowLock } from '../../../kit/src';
import { Order } from '../db/entities/Order';
import { PendingPoints } from '../db/entities/PendingPoints';
import { Refund } from '../db/entities/Refund';
import { applyPlan, ensureAccount, lockAccount, openLots } from '../db/ledger';
import { clawbackForRefund, planClawback } from '../domain/account';
import type { EventDelivery } from '../ports';
import { enqueueActivity } from './publishActivity';

function replay(existing: Refund, orderNo: string, amountFen: number): { refund: Refund; replayed: boolean } {
  if (existing.orderNo !== orderNo || existing.amountFen !== amountFen) {
    throw new DomainError('CONFLICT', `refundNo ${existing.refundNo} was already recorded with different details`, { field: 'refundNo' });
  }
  return { refund: existing, replayed: true };
}

/**
 * Records a full or partial refund of an order and claws back the points it earned in proportion
 * (cumulatively over several refunds). The balance never goes negative: what it cannot cover is
 * recorded as debt and netted against future earns. Idempotent by refundNo.
 */
export async function refundOrder(
  dataSource: DataSource,
  /** atStore: a POS account's store; it refunds only orders recorded there. */
  input: { orderNo: string; refundNo: string; amount: string; atStore?: string | null },
  events: EventDelivery,
  actor: string,
  now?: Date,
): Promise<{ refund: Refund; replayed: boolean }> {
  parseCode(input.refundNo, 'refundNo');
  const amountFen = parsePositiveFen(input.amount);
  const refunds = dataSource.getRepository(Refund);
  if (input.atStore && (await dataSource.getRepository(Order).findOneBy({ orderNo: input.orderNo }))?.storeId !== input.atStore)
    throw new DomainError('FORBIDDEN', `a POS account refunds only orders of its own store (${input.atStore})`, { field: 'orderNo' });
  const known = await refunds.findOneBy({ refundNo: input.refundNo });
  if (known) return replay(known, input.orderNo, amountFen);
  const order = await dataSource.getRepository(Order).findOneBy({ orderNo: input.orderNo });
  if (!order) throw new DomainError('NOT_FOUND', `no order ${input.orderNo}`, { field: 'orderNo' });
  await ensureAccount(dataSource, order.memberId);
  try {
    const refund = await inTransaction(dataSource, async (manager) => {
      // The account lock comes first, as in every points command; then the order row, for its refund totals.
      const account = await lockAccount(manager, order.memberId);
      const at = now ?? new Date();
      const locked = await manager.findOneOrFail(Order, { where: { orderNo: order.orderNo }, lock: rowLock(manager) });
      const points = clawbackForRefund(locked.pointsEarned, locked.amountFen, locked.refundedFen, amountFen, locked.pointsClawed);
      const pending = await manager.findOne(PendingPoints, { where: { orderNo: order.orderNo }, lock: rowLock(manager) });
      const held = pending && !pending.releasedAt;
      // Inside the return window the points were never in the balance: the refund reduces what is held.
      const plan = held
        ? null
        : planClawback(
            account,
            await openLots(manager, order.memberId),
            points,
            `refund ${input.refundNo} of order ${order.orderNo}`,
            order.orderNo,
          );
      const row = Object.assign(new Refund(), {
        refundNo: input.refundNo,
        orderNo: order.orderNo,
        memberId: order.memberId,
        amountFen,
        pointsClawed: points,
        debtAdded: plan ? plan.after.debt - account.debt : 0,
        createdAt: at,
      });
      await manager.insert(Refund, row);
      await manager.update(
        Order,
        { orderNo: order.orderNo },
        { refundedFen: locked.refundedFen + amountFen, pointsClawed: locked.pointsClawed + points },
      );
      // The tier engine judges the refund against when the order was placed (its return window).
      await enqueueActivity(manager, order.memberId, at, order.orderedAt);
      if (held)
        await manager.update(PendingPoints, { orderNo: order.orderNo }, { points: pending.points - Math.min(points, pending.points) });
      else
        await applyPlan(manager, account, plan!, {
          memberId: order.memberId,
          source: 'ORDER',
          sourceRef: order.orderNo,
          idempotencyKey: `REFUND:${input.refundNo}`,
          actor,
          now: at,
        });
      return row;
    });
    await events.deliverNow(order.memberId);
    return { refund, replayed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return replay(await refunds.findOneByOrFail({ refundNo: input.refundNo }), input.orderNo, amountFen);
  }
}
