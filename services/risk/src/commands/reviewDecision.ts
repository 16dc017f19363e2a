import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, parseReason } from '../../../kit/src';
import { RiskEvent, type ReviewStatus } from '../db/entities/RiskEvent';
import { RiskProfile } from '../db/entities/RiskProfile';

export type ReviewVerdict = 'APPROVE' | 'REJECT';
const STATUS: Record<ReviewVerdict, ReviewStatus> = { APPROVE: 'APPROVED', REJECT: 'REJECTED' };

/**
 * Staff close a decision in the review queue (a REVIEW, or the DENY of an earn that had already
 * happened): approved (the action was fine; it no longer counts against the member) or rejected
 * (the member's risk level becomes HIGH), with a reason. A decision is
 * reviewed once: the same verdict again answers the recorded review, another one is CONFLICT.
 */
export async function reviewDecision(
  dataSource: DataSource,
  input: { eventId: string; verdict: ReviewVerdict; reason: string },
  actor: string,
  now = new Date(),
): Promise<RiskEvent> {
  const reason = parseReason(input.reason);
  const events = dataSource.getRepository(RiskEvent);
  const event = input.eventId.length <= 36 ? await events.findOneBy({ id: input.eventId }) : null;
  if (!event) throw new DomainError('NOT_FOUND', 'no such risk decision', { field: 'id' });
  // The queue holds REVIEW decisions and the DENY of an action that had already happened (an earn
  // assessed after its commit or while risk was down): staff judge both.
  if (event.reviewStatus === null) {
    throw new DomainError('BAD_USER_INPUT', `only decisions in the review queue are reviewed; this one is ${event.decision}`, {
      field: 'id',
    });
  }
  const status = STATUS[input.verdict];
  await inTransaction(dataSource, async (manager) => {
    // Guarded on PENDING: of two staff reviewing at once, one writes and the other sees the result.
    const result = await manager
      .createQueryBuilder()
      .update(RiskEvent)
      .set({ reviewStatus: status, reviewedBy: actor.slice(0, 64), reviewedAt: now, reviewNote: reason })
      .where('id = :id AND review_status = :pending', { id: event.id, pending: 'PENDING' })
      .execute();
    if (!result.affected) return;
    if (input.verdict === 'REJECT') {
      await manager.getRepository(RiskProfile).save({ memberId: event.memberId, level: 'HIGH', updatedAt: now });
    }
  });
  const reviewed = await events.findOneByOrFail({ id: event.id });
  if (reviewed.reviewStatus !== status) {
    throw new DomainError('CONFLICT', `this decision was already reviewed (${reviewed.reviewStatus})`, { field: 'id' });
  }
  return reviewed;
}
