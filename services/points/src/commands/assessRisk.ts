import type { EntityManager } from 'typeorm';
import { DomainError, enqueueOutboxEvent, type OutboxHandler } from '../../../kit/src';
import type { RiskAction, RiskPort } from '../ports';

/*
 * How points asks risk before money moves. Spending fails closed: no answer within the deadline
 * is UNAVAILABLE and nothing is spent, a DENY is RISK_DENIED. Earning fails open: a customer's
 * purchase is not refused because risk is down, but the earn is flagged — its assessment goes
 * into the outbox in the earn's transaction and reaches risk later marked fail_open, which puts
 * it in the review queue. A REVIEW lets both through: staff see it in the queue.
 */

/** The outbox event of an assessment sent after the fact: an earn that went ahead without a decision, a refund. */
export const LATE_ASSESSMENT_TOPIC = 'risk.assess';

const unanswered = (error: unknown) => error instanceof DomainError && error.code === 'UNAVAILABLE';

/** Before a burn or redemption: refuses unless risk answers, and answers other than DENY. */
export async function assessSpend(risk: RiskPort, action: RiskAction): Promise<void> {
  let answer;
  try {
    answer = await risk.assess(action);
  } catch (error) {
    if (unanswered(error)) throw new DomainError('UNAVAILABLE', 'risk control did not answer, so no points are spent; retry later');
    throw error;
  }
  if (answer.decision === 'DENY') throw new DomainError('RISK_DENIED', `refused by risk control: ${answer.reason}`);
}

/** Before an earn: DENY is RISK_DENIED; no answer is `unassessed` (go ahead, and enqueueLateAssessment in the earn's transaction). */
export async function assessEarn(risk: RiskPort, action: RiskAction): Promise<'assessed' | 'unassessed'> {
  let answer;
  try {
    answer = await risk.assess(action);
  } catch (error) {
    if (unanswered(error)) return 'unassessed';
    throw error;
  }
  if (answer.decision === 'DENY') throw new DomainError('RISK_DENIED', `order refused by risk control: ${answer.reason}`);
  return 'assessed';
}

/** In the transaction of an earn risk did not answer for: its assessment, to be sent when risk is back. */
export async function enqueueLateAssessment(manager: EntityManager, action: RiskAction, occurredAt: Date): Promise<void> {
  await enqueue(manager, { ...action, failOpen: true }, occurredAt);
}

/** In the transaction of a refund: the signal risk needs to see earn-then-refund farming. */
export async function enqueueRiskSignal(manager: EntityManager, action: RiskAction, occurredAt: Date): Promise<void> {
  await enqueue(manager, action, occurredAt);
}

/** A refund of an order as risk hears of it. */
export function refundSignal(
  order: { memberId: string; channel: string; storeId?: string | null },
  refundNo: string,
  amountFen: number,
): RiskAction {
  return {
    action: 'REFUND',
    memberId: order.memberId,
    amountFen,
    channel: order.channel,
    ...(order.storeId ? { store: order.storeId } : {}),
    idempotencyKey: `REFUND:${refundNo}`,
  };
}

async function enqueue(manager: EntityManager, action: RiskAction, occurredAt: Date): Promise<void> {
  const payload = { ...action, occurredAt: occurredAt.toISOString() };
  await enqueueOutboxEvent(manager, { type: LATE_ASSESSMENT_TOPIC, key: action.memberId, payload, at: occurredAt });
}

/** Sends assessments after the fact in order; risk answers a repeated one (same idempotency key) with its first decision. */
export function lateAssessmentHandler(risk: RiskPort): OutboxHandler {
  return async (events) => {
    for (const event of events) {
      const { occurredAt, ...action } = event.payload as RiskAction & { occurredAt: string };
      await risk.assess({ ...action, occurredAt: new Date(occurredAt) });
    }
  };
}
