import type { DataSource } from 'typeorm';
import type { AssessBatchRequest__Output } from '../../../../../proto/gen/membergraph/risk/v1/AssessBatchRequest';
import type { AssessBatchResponse } from '../../../../../proto/gen/membergraph/risk/v1/AssessBatchResponse';
import { assessBatch } from '../../commands/assess';
import { assessInputOf, assessResponseOf } from './Assess';

/** Parses the wire actions and answers one decision per action, in order; an action that does not parse is UNSPECIFIED with the error. */
export async function assessBatchHandler(dataSource: DataSource, request: AssessBatchRequest__Output): Promise<AssessBatchResponse> {
  const answers = await assessBatch(dataSource, request.actions.map(assessInputOf));
  return {
    decisions: answers.map((answer) =>
      'error' in answer ? { decision: 'DECISION_UNSPECIFIED', reason: answer.error.message } : assessResponseOf(answer),
    ),
  };
}
