import type { DataSource } from 'typeorm';
import type { AssessRequest__Output } from '../../../../../proto/gen/membergraph/risk/v1/AssessRequest';
import type { AssessResponse } from '../../../../../proto/gen/membergraph/risk/v1/AssessResponse';
import { assess as assessAction } from '../../commands/assess';

/** Decides and records; a retry with the same idempotency key returns the recorded decision. */
export function assess(dataSource: DataSource, request: AssessRequest__Output): Promise<AssessResponse> {
  return assessAction(dataSource, {
    action: request.action,
    memberId: request.memberId,
    amountFen: Number(request.amountFen),
    channel: request.channel,
    idempotencyKey: request.idempotencyKey,
  });
}
