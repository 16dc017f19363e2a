import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AssessRequest__Output } from '../../../../../proto/gen/membergraph/risk/v1/AssessRequest';
import type { AssessResponse } from '../../../../../proto/gen/membergraph/risk/v1/AssessResponse';
import { isUniqueViolation } from '../../../../kit/src';
import { RiskEvent } from '../../db/entities/RiskEvent';
import { decide, validateAction, type Decision } from '../../domain/assess';

function answer(event: RiskEvent): AssessResponse {
  return { decision: event.decision as Decision, reason: event.reason, eventId: event.id };
}

/** Decides and records; a retry with the same idempotency key returns the recorded decision. */
export async function assess(dataSource: DataSource, request: AssessRequest__Output): Promise<AssessResponse> {
  const action = validateAction({
    action: request.action,
    memberId: request.memberId,
    amountFen: Number(request.amountFen),
    channel: request.channel,
    idempotencyKey: request.idempotencyKey,
  });
  const events = dataSource.getRepository(RiskEvent);
  const event = Object.assign(new RiskEvent(), action, { id: randomUUID(), ...decide(action), createdAt: new Date() });
  try {
    await events.insert(event);
    return answer(event);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return answer(await events.findOneByOrFail({ idempotencyKey: action.idempotencyKey }));
  }
}
