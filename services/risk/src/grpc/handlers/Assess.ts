import type { DataSource } from 'typeorm';
import type { AssessRequest__Output } from '../../../../../proto/gen/membergraph/risk/v1/AssessRequest';
import type { AssessResponse } from '../../../../../proto/gen/membergraph/risk/v1/AssessResponse';
import { assess as assessAction } from '../../commands/assess';

/** Parses the wire request (int64 as numbers) and answers the decision with its reasons. */
export async function assess(dataSource: DataSource, request: AssessRequest__Output): Promise<AssessResponse> {
  const assessment = await assessAction(dataSource, {
    ...request,
    amountFen: Number(request.amountFen),
    points: Number(request.points),
    occurredAtEpochMs: Number(request.occurredAtEpochMs),
  });
  return {
    decision: assessment.decision,
    reason: assessment.reason,
    eventId: assessment.eventId,
    score: assessment.score,
    reasons: assessment.findings.map((f) => ({
      rule: f.rule,
      outcome: f.outcome,
      score: f.score,
      detail: f.detail,
      relatedMemberIds: f.relatedMemberIds,
    })),
  };
}
