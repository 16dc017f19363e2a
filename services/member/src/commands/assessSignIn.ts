import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, enqueueOutboxEvent, inTransaction, type OutboxHandler } from '../../../kit/src';
import type { RiskAction, RiskPort } from '../ports';

/*
 * How the member service asks risk before a sign-in (issue 18, "Callers"). A registration (first
 * sign-in of a phone) is assessed as REGISTER before anything is written, a sign-in of a known
 * member as LOGIN before the session opens, with the member, the channel, the device id the client
 * gives and the address the gateway saw.
 * - DENY refuses with RISK_DENIED and writes nothing (no member, no session).
 * - REVIEW lets the sign-in through: risk has it in the staff review queue.
 * - No answer within the deadline (risk down, breaker open) fails OPEN: members can still sign in
 *   when risk is down. The assessment goes into the outbox — in the registration's transaction,
 *   or on its own for a login — and reaches risk later marked fail_open, which puts it in the
 *   review queue at least ("unassessed"). Like points' earns.
 * - Neither a device id nor an address (only a caller that bypasses the gateway): nothing to judge
 *   a device farm by, so not assessed.
 */

/** The outbox event of an assessment sent after the fact (the points service uses the same topic name). */
export const LATE_ASSESSMENT_TOPIC = 'risk.assess';

/** Where a sign-in comes from. */
export interface SignInSource {
  channel: string;
  deviceId?: string | null;
  ip?: string | null;
}

/** What a sign-in needs to be assessed: the risk port and where the sign-in comes from. */
export interface SignInRisk {
  risk: RiskPort;
  source: SignInSource;
}

export type Verdict = 'assessed' | 'unassessed' | 'not-assessed';

export function signInAction(kind: 'REGISTER' | 'LOGIN', memberId: string, source: SignInSource): RiskAction {
  return {
    action: kind,
    memberId,
    channel: source.channel,
    ...(source.deviceId ? { deviceId: source.deviceId } : {}),
    ...(source.ip ? { ip: source.ip } : {}),
    // A registration once per member; every login its own event (risk counts them for velocity).
    idempotencyKey: kind === 'REGISTER' ? `REGISTER:${memberId}` : `LOGIN:${memberId}:${randomUUID()}`,
  };
}

const unanswered = (error: unknown) => error instanceof DomainError && error.code === 'UNAVAILABLE';

/** Asks risk; DENY is RISK_DENIED; no answer is `unassessed` (go ahead and enqueueLateAssessment). */
export async function assessSignIn(risk: RiskPort, action: RiskAction): Promise<Verdict> {
  if (!action.deviceId && !action.ip) return 'not-assessed';
  let answer;
  try {
    answer = await risk.assess(action);
  } catch (error) {
    if (unanswered(error)) return 'unassessed';
    throw error;
  }
  if (answer.decision === 'DENY') {
    const what = action.action === 'REGISTER' ? 'registration' : 'sign-in';
    throw new DomainError('RISK_DENIED', `${what} refused by risk control: ${answer.reason}`);
  }
  return 'assessed';
}

/** Before a known member's session opens: LOGIN assessed (DENY: RISK_DENIED); unanswered, its assessment goes into the outbox. */
export async function assessLogin(dataSource: DataSource, signIn: SignInRisk, memberId: string, now = new Date()): Promise<Verdict> {
  const action = signInAction('LOGIN', memberId, signIn.source);
  const verdict = await assessSignIn(signIn.risk, action);
  if (verdict === 'unassessed') await inTransaction(dataSource, (manager) => enqueueLateAssessment(manager, action, now));
  return verdict;
}

/** In the transaction of a sign-in risk did not answer for: its assessment, to be sent when risk is back. */
export async function enqueueLateAssessment(manager: EntityManager, action: RiskAction, occurredAt: Date): Promise<void> {
  const payload = { ...action, failOpen: true, occurredAt: occurredAt.toISOString() };
  // Its own key: an assessment waiting for risk to come back never holds up the member's bonus events.
  await enqueueOutboxEvent(manager, { type: LATE_ASSESSMENT_TOPIC, key: `risk:${action.memberId}`, payload, at: occurredAt });
}

/** Sends assessments after the fact in order; risk answers a repeated one (same idempotency key) with its first decision. */
export function lateAssessmentHandler(risk: RiskPort): OutboxHandler {
  return async (events) => {
    for (const event of events) {
      const { occurredAt, ...action } = event.payload as RiskAction & { occurredAt: string };
      await risk.assess({ ...action, occurredAt: new Date(occurredAt) });
    }
  };
}
