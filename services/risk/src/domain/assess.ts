import { DomainError } from '../../../kit/src';

export type Decision = 'ALLOW' | 'REVIEW' | 'DENY';
export type RiskLevel = 'LOW' | 'MEDIUM' | 'HIGH';

export interface ActionToAssess {
  action: string;
  memberId: string;
  amountFen: number;
  channel: string;
  idempotencyKey: string;
}

export function validateAction(action: ActionToAssess): ActionToAssess {
  if (!/^[A-Z_]{2,32}$/.test(action.action)) throw new DomainError('BAD_USER_INPUT', 'action must be an upper-case name such as EARN');
  if (!action.memberId) throw new DomainError('BAD_USER_INPUT', 'member_id is required');
  if (!action.idempotencyKey || action.idempotencyKey.length > 128)
    throw new DomainError('BAD_USER_INPUT', 'idempotency_key is required (≤ 128 chars)');
  if (!Number.isSafeInteger(action.amountFen) || action.amountFen < 0)
    throw new DomainError('BAD_USER_INPUT', 'amount_fen must be a non-negative integer');
  return action;
}

/**
 * The rule set. Until rules are configured (a later issue) every action is allowed, but each
 * decision is recorded so the rules, when they come, have history to work on.
 */
export function decide(_action: ActionToAssess): { decision: Decision; reason: string } {
  return { decision: 'ALLOW', reason: 'no rule matched' };
}
