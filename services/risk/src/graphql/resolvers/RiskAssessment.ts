import { formatFen } from '../../../../kit/src';
import { assessmentOf } from '../../commands/assess';
import type { RiskEvent } from '../../db/entities/RiskEvent';

export const RiskAssessment = {
  reasons: (event: RiskEvent) => assessmentOf(event).findings,
  amount: (event: RiskEvent) => (event.action === 'EARN' || event.action === 'REFUND' ? formatFen(event.amountFen) : null),
  points: (event: RiskEvent) => (event.action === 'BURN' || event.action === 'REDEEM' ? event.points : null),
  at: (event: RiskEvent) => event.createdAt.toISOString(),
  review: (event: RiskEvent) =>
    event.reviewStatus
      ? {
          status: event.reviewStatus,
          reviewedBy: event.reviewedBy,
          reviewedAt: event.reviewedAt?.toISOString() ?? null,
          reason: event.reviewNote,
        }
      : null,
};
