import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { isUniqueViolation } from '../../../kit/src';
import { RiskEvent } from '../db/entities/RiskEvent';
import { decide, validateAction, type Decision } from '../domain/assess';

export interface Assessment {
  decision: Decision;
  reason: string;
  eventId: string;
}

function assessmentOf(event: RiskEvent): Assessment {
  return { decision: event.decision as Decision, reason: event.reason, eventId: event.id };
}

/**
 * Decides on an action and records the decision; a retry with the same idempotency key answers
 * the recorded decision (its unique key decides a race), so a caller's retry never decides twice.
 */
export async function assess(dataSource: DataSource, input: Parameters<typeof validateAction>[0], now = new Date()): Promise<Assessment> {
  const action = validateAction(input);
  const events = dataSource.getRepository(RiskEvent);
  const event = Object.assign(new RiskEvent(), action, { id: randomUUID(), ...decide(action), createdAt: now });
  try {
    await events.insert(event);
    return assessmentOf(event);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return assessmentOf(await events.findOneByOrFail({ idempotencyKey: action.idempotencyKey }));
  }
}
