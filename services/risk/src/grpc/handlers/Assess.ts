import type { DataSource } from 'typeorm';
import type { AssessRequest__Output } from '../../../../../proto/gen/membergraph/risk/v1/AssessRequest';
import type { AssessResponse } from '../../../../../proto/gen/membergraph/risk/v1/AssessResponse';
import { assess as assessAction, type Assessment } from '../../commands/assess';
import type { AssessInput } from '../../domain/action';

/** The wire request as the command takes it (int64 as numbers). */
export function assessInputOf(request: AssessRequest__Output): AssessInput {
  return {
    ...request,
    amountFen: Number(request.amountFen),
    points: Number(request.points),
    occurredAtEpochMs: Number(request.occurredAtEpochMs),
  };
}

/** A decision with its reasons, as the wire answers it. */
export function assessResponseOf(assessment: Assessment): AssessResponse {
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

/** Parses the wire request and answers the decision with its reasons. */
export async function assess(dataSource: DataSource, request: AssessRequest__Output): Promise<AssessResponse> {
  return assessResponseOf(await assessAction(dataSource, assessInputOf(request)));
}
