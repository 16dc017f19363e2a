import type { EntityManager } from 'typeorm';
import { DomainError, enqueueOutboxEvent, type Logger, type NewOutboxEvent, type OutboxHandler } from '../../../kit/src';
import type { RiskAction, RiskPort } from '../ports';

/*
 * How points asks risk before money moves. Spending fails closed: no answer within the deadline
 * is UNAVAILABLE and nothing is spent, a DENY is RISK_DENIED. Earning fails open: a customer's
 * purchase is not refused because risk is down, but the earn is flagged — its assessment goes
 * into the outbox in the earn's transaction and reaches risk later marked fail_open, which puts
 * it in the review queue. A REVIEW lets both through: staff see it in the queue.
 *
 * By default (EARN_RISK_CHECK=after-commit) an earn does not wait for risk at all: its assessment
 * is written to the outbox in the earn's transaction under one key shared by all earns, and the
 * outbox sends those to risk in batches right after the commits (AssessBatch), off the request
 * path. A DENY reached then stops nothing, so risk puts it in the review queue with its reasons.
 * EARN_RISK_CHECK=before-commit keeps the synchronous DENY (RISK_DENIED) for a brand that wants it.
 */

/** When risk assesses an earn (the points service's EARN_RISK_CHECK). */
export const EARN_RISK_CHECKS = ['after-commit', 'before-commit'] as const;
export type EarnRiskCheck = (typeof EARN_RISK_CHECKS)[number];

/**
 * The outbox key of every earn assessed after its commit: one key, so the outbox delivers them
 * together as one batch, and never with a member's own events (deliverNow of the member after an
 * earn then sends only the tier activity).
 */
export const AFTER_COMMIT_ASSESSMENTS_KEY = 'risk.after-commit';

/** Actions per AssessBatch call: a batch well within risk's limit (1,000) and the call's deadline. */
const ACTIONS_PER_CALL = 100;

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

/** The outbox event of an earn's assessment after its commit (EARN_RISK_CHECK=after-commit), for the earn's transaction. */
export function afterCommitAssessment(action: RiskAction, occurredAt: Date): NewOutboxEvent {
  return assessmentEvent({ ...action, afterCommit: true }, occurredAt, AFTER_COMMIT_ASSESSMENTS_KEY);
}

/** In the transaction of a refund: the signal risk needs to see earn-then-refund farming. */
export async function enqueueRiskSignal(manager: EntityManager, action: RiskAction, occurredAt: Date): Promise<void> {
  await enqueue(manager, action, occurredAt);
}

/** The risk action of an earn, as assessed before its commit or announced after it. */
export function earnAction(order: {
  orderNo: string;
  memberId: string;
  amountFen: number;
  channel: string;
  storeId?: string | null;
}): RiskAction {
  return {
    action: 'EARN',
    memberId: order.memberId,
    amountFen: order.amountFen,
    channel: order.channel,
    ...(order.storeId ? { store: order.storeId } : {}),
    idempotencyKey: `EARN:${order.orderNo}`,
  };
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

function assessmentEvent(action: RiskAction, occurredAt: Date, key = action.memberId): NewOutboxEvent {
  const payload = { ...action, occurredAt: occurredAt.toISOString() };
  return { type: LATE_ASSESSMENT_TOPIC, key, payload, at: occurredAt };
}

async function enqueue(manager: EntityManager, action: RiskAction, occurredAt: Date): Promise<void> {
  await enqueueOutboxEvent(manager, assessmentEvent(action, occurredAt));
}

/**
 * Sends assessments after the fact in order, in batches (AssessBatch); risk answers a repeated one
 * (same idempotency key) with its first decision, so a redelivery records nothing twice. One risk
 * cannot parse is logged and dropped: sending it again would not change its answer.
 */
export function lateAssessmentHandler(risk: RiskPort, logger?: Logger): OutboxHandler {
  return async (events) => {
    const actions = events.map((event) => {
      const { occurredAt, ...action } = event.payload as RiskAction & { occurredAt: string };
      return { ...action, occurredAt: new Date(occurredAt) };
    });
    for (let from = 0; from < actions.length; from += ACTIONS_PER_CALL) {
      const batch = actions.slice(from, from + ACTIONS_PER_CALL);
      const answers = await risk.assessBatch(batch);
      answers.forEach((answer, i) => {
        if (answer.decision === null)
          logger?.error({ action: batch[i], reason: answer.reason }, 'risk could not assess an action sent after the fact');
      });
    }
  };
}
