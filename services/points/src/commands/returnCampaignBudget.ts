import type { DataSource, EntityManager } from 'typeorm';
import { enqueueOutboxEvent, inTransaction, type OutboxHandler } from '../../../kit/src';
import { Order } from '../db/entities/Order';
import type { BudgetReturn, CampaignPort, EventDelivery } from '../ports';

/*
 * When points asks campaign for an order's coefficient, a budgeted campaign reserves the extra
 * points it grants for that order. Points gives them back when the order does not keep them:
 * - the earn is refused (RISK_DENIED, or any failure before the order commits): everything
 *   reserved under the answer's reservation id;
 * - the order is refunded: the refunded share, as the points are clawed back.
 * Both leave through the outbox (keyed per member, apart from the member's activity events so a
 * campaign outage holds back nothing else) and campaign gives back once per key.
 */

export const BUDGET_RETURN_TOPIC = 'campaign.budget.return';

const outboxKey = (memberId: string) => `campaign-budget:${memberId}`;

/**
 * After an earn failed past the coefficient look-up: gives the order's reservation back, at once
 * and durably (an outbox event in a small transaction of its own, delivered now and retried by the
 * dispatcher). Never throws, so the earn's own error is what the caller sees. If even the outbox
 * cannot be written, one direct attempt is made (a crash before this point loses the return: the
 * budget is then under-used by this order, never exceeded).
 */
export async function returnRefusedReservation(
  dataSource: DataSource,
  campaign: CampaignPort,
  events: EventDelivery,
  order: { memberId: string; orderNo: string },
  reservationId: string | null | undefined,
): Promise<void> {
  if (!reservationId) return; // nothing was reserved for this order
  const budgetReturn: BudgetReturn = { orderNo: order.orderNo, key: `REFUSED:${reservationId}`, reservationId };
  try {
    await inTransaction(dataSource, (manager) =>
      enqueueOutboxEvent(manager, { type: BUDGET_RETURN_TOPIC, key: outboxKey(order.memberId), payload: budgetReturn }),
    );
  } catch {
    await deliver(dataSource, campaign, budgetReturn).catch(() => undefined);
    return;
  }
  await events.deliverNow(outboxKey(order.memberId));
}

/**
 * In a refund's transaction: the refunded share of the order's campaign budget goes back.
 * `refundedFen` is the order's refunded total including this refund. The caller delivers it after
 * the commit (`deliverBudgetReturns`).
 */
export async function enqueueRefundBudgetReturn(
  manager: EntityManager,
  order: { memberId: string; orderNo: string; amountFen: number },
  refundNo: string,
  refundedFen: number,
  at: Date,
): Promise<void> {
  const budgetReturn: BudgetReturn = { orderNo: order.orderNo, key: `REFUND:${refundNo}`, refundedFen, amountFen: order.amountFen };
  await enqueueOutboxEvent(manager, { type: BUDGET_RETURN_TOPIC, key: outboxKey(order.memberId), payload: budgetReturn, at });
}

/** After a commit that enqueued a budget return: delivers the member's pending returns now (never throws). */
export const deliverBudgetReturns = (events: EventDelivery, memberId: string) => events.deliverNow(outboxKey(memberId));

/** Sends budget returns to campaign, which gives back once per key. */
export function budgetReturnHandler(dataSource: DataSource, campaign: CampaignPort): OutboxHandler {
  return async (outboxEvents) => {
    for (const event of outboxEvents) await deliver(dataSource, campaign, event.payload as BudgetReturn);
  };
}

async function deliver(dataSource: DataSource, campaign: CampaignPort, budgetReturn: BudgetReturn): Promise<void> {
  // A refused earn whose order was recorded after all (a concurrent duplicate, a commit whose answer
  // was lost) keeps its reservation: the order earned with that coefficient.
  if ('reservationId' in budgetReturn && (await dataSource.getRepository(Order).existsBy({ orderNo: budgetReturn.orderNo }))) return;
  await campaign.returnBudget(budgetReturn);
}
