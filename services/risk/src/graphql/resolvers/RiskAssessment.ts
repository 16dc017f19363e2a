import { formatFen } from '../../../../kit/src';
import { assessmentOf } from '../../commands/assess';
import type { RiskAssessmentResolvers } from '../__generated__/resolvers-types';

export const RiskAssessment: RiskAssessmentResolvers = {
  reasons: (event) => assessmentOf(event).findings,
  amount: (event) => (event.action === 'EARN' || event.action === 'REFUND' ? formatFen(event.amountFen) : null),
  points: (event) => (event.action === 'BURN' || event.action === 'REDEEM' ? event.points : null),
  at: (event) => event.createdAt.toISOString(),
  review: (event) =>
    event.reviewStatus
      ? {
          status: event.reviewStatus,
          reviewedBy: event.reviewedBy,
          reviewedAt: event.reviewedAt?.toISOString() ?? null,
          reason: event.reviewNote,
        }
      : null,
};
