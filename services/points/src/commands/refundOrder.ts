import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, enqueueOutboxEvents, inTransaction, isUniqueViolation, parseCode, parsePositiveFen, rowLock } from '../../../kit/src';
import { Order } from '../db/entities/Order';
import { OrderOffset } from '../db/entities/OrderOffset';
import { PendingPoints } from '../db/entities/PendingPoints';
import { Refund } from '../db/entities/Refund';
import { applyPlan, ensureAccount, lockAccount, openLots } from '../db/ledger';
import { clawbackForRefund, expiryOf, planClawback, planEarn } from '../domain/account';
import { returnedLots } from '../domain/offset';
import type { EarnRules } from './recordOrder';
import type { EventDelivery } from '../ports';
import { enqueueRiskSignal, refundSignal } from './assessRisk';
import { activityEvent } from './publishActivity';
import { SPEND_EVENTS_KEY, spendEvent } from './publishSpend';
import { deliverBudgetReturns, enqueueRefundBudgetReturn } from './returnCampaignBudget';

function replay(existing: Refund, orderNo: string, amountFen: number): { refund: Refund; replayed: boolean } {
  if (existing.orderNo !== orderNo || existing.amountFen !== amountFen) {
    throw new DomainError('CONFLICT', `refundNo ${existing.refundNo} was already recorded with different details`, { field: 'refundNo' });
  }
  return { refund: existing, replayed: true };
}

/**
 * Gives back, in the refund's transaction (account locked), the points of the order's checkout
 * offsets in the proportion refunded, cumulatively like the clawback: REVERSAL entries whose lots
 * keep the expiry of the lots the offset took, or the standard expiry where that has passed.
 * Answers the points given back.
 */
async function returnOffsets(
  manager: EntityManager,
  order: Order,
  refund: { refundNo: string; amountFen: number },
  rules: ExpiryRules,
  actor: string,
  now: Date,
): Promise<number> {
  const offsets = await manager.find(OrderOffset, {
    where: { orderNo: order.orderNo, memberId: order.memberId },
    order: { createdAt: 'ASC', idempotencyKey: 'ASC' },
  });
  const standardExpiry = expiryOf(now, rules.expiryMonths, rules.utcOffsetMinutes);
  let returned = 0;
  for (const [index, offset] of offsets.entries()) {
    const back = clawbackForRefund(offset.points, order.amountFen, order.refundedFen, refund.amountFen, offset.pointsReturned);
    if (back <= 0) continue;
    const taken = (JSON.parse(offset.taken) as Array<{ points: number; expiresAt: string | null }>).map((t) => ({
      points: t.points,
      expiresAt: t.expiresAt === null ? null : new Date(t.expiresAt),
    }));
    for (const [part, lot] of returnedLots(taken, offset.pointsReturned, back, now, standardExpiry).entries()) {
      const account = await lockAccount(manager, order.memberId);
      const reason = `refund ${refund.refundNo} of order ${order.orderNo}: checkout offset given back`;
      await applyPlan(manager, account, planEarn(account, lot.points, reason, 'REVERSAL'), {
        memberId: order.memberId,
        source: 'CHECKOUT',
        sourceRef: order.orderNo,
        // Unique per refund: a refundNo is applied once, so its offsets' positions cannot change under it.
        idempotencyKey: `REFUND:${refund.refundNo}:OFFSET:${index}:${part}`,
        actor,
        now,
        lotExpiresAt: lot.expiresAt,
      });
    }
    await manager.update(OrderOffset, { idempotencyKey: offset.idempotencyKey }, { pointsReturned: offset.pointsReturned + back });
    returned += back;
  }
  return returned;
}

/** The expiry rule for points a refund gives back. */
export type ExpiryRules = Pick<EarnRules, 'expiryMonths' | 'utcOffsetMinutes'>;

/**
 * Records a full or partial refund of an order and claws back the points it earned in proportion
 * (cumulatively over several refunds), from the order's own lot first. The balance never goes
 * negative: what it cannot cover is recorded as debt and netted against future earns. Points that
 * paid for the order (checkout offsets) come back in the same proportion, and so does the campaign
 * budget its extra points were granted from (returnCampaignBudget.ts). Idempotent by refundNo.
 */
export async function refundOrder(
  dataSource: DataSource,
  /** atStore: a POS account's store; it refunds only orders recorded there. */
  input: { orderNo: string; refundNo: string; amount: string; atStore?: string | null },
  events: EventDelivery,
  rules: ExpiryRules,
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
        pointsReturned: 0,
        createdAt: at,
      });
      await manager.insert(Refund, row);
      await manager.update(
        Order,
        { orderNo: order.orderNo },
        { refundedFen: locked.refundedFen + amountFen, pointsClawed: locked.pointsClawed + points },
      );
      // The tier engine judges the refund against when the order was placed (its return window);
      // benefits ranks by the lowered spend. Both in one statement.
      await enqueueOutboxEvents(manager, [activityEvent(order.memberId, at, order.orderedAt), spendEvent(order.memberId, at)]);
      // Risk hears of every refund (earn-then-refund farming), from the outbox: a refund never waits on risk.
      await enqueueRiskSignal(manager, refundSignal(order, input.refundNo, amountFen), at);
      // The campaigns that boosted the order get the refunded share of their budget back, as its points are clawed back.
      await enqueueRefundBudgetReturn(manager, locked, input.refundNo, locked.refundedFen + amountFen, at);
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
      row.pointsReturned = await returnOffsets(manager, locked, { refundNo: input.refundNo, amountFen }, rules, actor, at);
      if (row.pointsReturned > 0) await manager.update(Refund, { refundNo: row.refundNo }, { pointsReturned: row.pointsReturned });
      return row;
    });
    await events.deliverNow(order.memberId);
    await deliverBudgetReturns(events, order.memberId);
    events.deliverSoon(SPEND_EVENTS_KEY);
    return { refund, replayed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return replay(await refunds.findOneByOrFail({ refundNo: input.refundNo }), input.orderNo, amountFen);
  }
}
