import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { isUniqueViolation } from '../../../kit/src';
import { RiskEvent } from '../db/entities/RiskEvent';
import { answerFact } from '../db/facts';
import { enabledRules } from '../db/rules';
import { parseAction, type AssessInput, type Decision } from '../domain/action';
import { decide, planChecks, reviewFailedOpen, type Finding } from '../domain/evaluate';

export interface Assessment {
  decision: Decision;
  score: number;
  reason: string;
  findings: Finding[];
  eventId: string;
}

export function assessmentOf(event: RiskEvent): Assessment {
  return {
    decision: event.decision,
    score: event.score,
    reason: event.reason,
    findings: event.reasons ? (JSON.parse(event.reasons) as Finding[]) : [],
    eventId: event.id,
  };
}

/**
 * Judges an action against the enabled rules and records it with its decision, score and
 * findings. The facts are read outside any transaction: a decision is as of the moment it is
 * read, and an action racing it is judged with this one in its history. A retry with the same
 * idempotency key answers the recorded decision (its unique key decides a race), so a caller's
 * retry never decides twice.
 */
export async function assess(dataSource: DataSource, input: AssessInput, now = new Date()): Promise<Assessment> {
  const action = parseAction(input, now);
  // An assessment sent after the fact is judged, and recorded, as of when the action happened.
  const at = action.occurredAt ?? now;
  const events = dataSource.getRepository(RiskEvent);
  const known = await events.findOneBy({ idempotencyKey: action.idempotencyKey });
  if (known) return assessmentOf(known);

  const checks = planChecks(await enabledRules(dataSource.manager), action, at);
  const answers = await Promise.all(checks.map((c) => answerFact(dataSource.manager, c.query)));
  const verdict = reviewFailedOpen(decide(checks.flatMap((c, i) => c.judge(answers[i]) ?? [])), action);
  const { occurredAt: _occurredAt, failOpen: _failOpen, ...context } = action;
  const event = Object.assign(new RiskEvent(), {
    ...context,
    id: randomUUID(),
    decision: verdict.decision,
    score: verdict.score,
    reason: verdict.reason,
    reasons: verdict.findings.length ? JSON.stringify(verdict.findings) : null,
    reviewStatus: verdict.decision === 'REVIEW' ? 'PENDING' : null,
    reviewedBy: null,
    reviewedAt: null,
    reviewNote: null,
    createdAt: at,
  });
  try {
    // updateEntity(false): the row is complete as built, so TypeORM need not read its defaults back.
    await events.createQueryBuilder().insert().values(event).updateEntity(false).execute();
    return assessmentOf(event);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return assessmentOf(await events.findOneByOrFail({ idempotencyKey: action.idempotencyKey }));
  }
}
