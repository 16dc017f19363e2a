import { isIP } from 'node:net';
import { DomainError, parseChannel, parseCode, parseMemberId, parseStoreCode, type Channel } from '../../../kit/src';

export type Decision = 'ALLOW' | 'REVIEW' | 'DENY';
export type RiskLevel = 'LOW' | 'MEDIUM' | 'HIGH';

/**
 * The actions risk judges. REFUND is a signal rather than a request for permission: an earn
 * being given back is recorded so that earn-then-refund farming shows in the member's history.
 */
export const ACTIONS = ['REGISTER', 'LOGIN', 'EARN', 'BURN', 'REDEEM', 'REFERRAL_REWARD', 'REFUND'] as const;
export type Action = (typeof ACTIONS)[number];

/** An action with its context, checked: empty optional fields are null. */
export interface ActionToAssess {
  action: Action;
  memberId: string;
  /** Money of an EARN or REFUND (fen), else 0. */
  amountFen: number;
  /** Points of a BURN or REDEEM, else 0. */
  points: number;
  channel: Channel;
  idempotencyKey: string;
  deviceId: string | null;
  ip: string | null;
  store: string | null;
  /** REFERRAL_REWARD: the member the inviter (memberId) brought in. */
  inviteeMemberId: string | null;
  /** When it happened, when assessed after the fact; null: now. */
  occurredAt: Date | null;
  /** The caller went ahead without a decision (risk did not answer): review it whatever the rules say. */
  failOpen: boolean;
  /** The action already happened (an earn assessed after its commit): a DENY goes to the review queue. */
  afterCommit: boolean;
}

/** What a caller sends (the gRPC request with int64 fields as numbers; '' means absent, as proto3 sends it). */
export interface AssessInput {
  action: string;
  memberId: string;
  amountFen: number;
  points?: number;
  channel: string;
  idempotencyKey: string;
  deviceId?: string;
  ip?: string;
  store?: string;
  inviteeMemberId?: string;
  /** Epoch milliseconds; 0 or absent: now. */
  occurredAtEpochMs?: number;
  failOpen?: boolean;
  afterCommit?: boolean;
}

function wholeAmount(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new DomainError('BAD_USER_INPUT', `${field} must be a non-negative integer`, { field });
  return value;
}

function required(condition: boolean, field: string, message: string): void {
  if (!condition) throw new DomainError('BAD_USER_INPUT', message, { field });
}

/**
 * Checks an action and the context its rules need before anything is read or written: a
 * registration or login without a device or an IP could never be told apart from a farm, an earn
 * without an amount or a burn without points could never be compared with the member's history.
 */
export function parseAction(input: AssessInput, now = new Date()): ActionToAssess {
  if (!(ACTIONS as readonly string[]).includes(input.action)) {
    throw new DomainError('BAD_USER_INPUT', `action must be one of ${ACTIONS.join(', ')}`, { field: 'action' });
  }
  const action = input.action as Action;
  required(Boolean(input.memberId), 'member_id', 'member_id is required');
  parseMemberId(input.memberId, 'member_id');
  required(
    Boolean(input.idempotencyKey) && input.idempotencyKey.length <= 128,
    'idempotency_key',
    'idempotency_key is required (≤ 128 chars)',
  );
  const amountFen = wholeAmount(input.amountFen, 'amount_fen');
  const points = wholeAmount(input.points ?? 0, 'points');
  const channel = parseChannel(input.channel);
  const deviceId = input.deviceId ? parseCode(input.deviceId, 'device_id', { max: 64 }) : null;
  if (input.ip && isIP(input.ip) === 0) throw new DomainError('BAD_USER_INPUT', 'ip must be an IPv4 or IPv6 address', { field: 'ip' });
  const ip = input.ip || null;
  const store = input.store ? parseStoreCode(input.store) : null;
  const inviteeMemberId = input.inviteeMemberId ? parseMemberId(input.inviteeMemberId, 'invitee_member_id') : null;

  const occurredAt = input.occurredAtEpochMs ? new Date(wholeAmount(input.occurredAtEpochMs, 'occurred_at_epoch_ms')) : null;
  // A minute of clock skew between services; an action from the future is a bug or a forgery.
  if (occurredAt && occurredAt.getTime() > now.getTime() + 60_000) {
    throw new DomainError('BAD_USER_INPUT', 'occurred_at_epoch_ms is in the future', { field: 'occurred_at_epoch_ms' });
  }

  if (action === 'REGISTER' || action === 'LOGIN') {
    required(Boolean(deviceId || ip), 'device_id', `${action} needs a device_id or an ip`);
  }
  if (action === 'EARN' || action === 'REFUND') required(amountFen > 0, 'amount_fen', `${action} needs amount_fen > 0`);
  if (action === 'BURN' || action === 'REDEEM') required(points > 0, 'points', `${action} needs points > 0`);
  if (action === 'REFERRAL_REWARD') {
    required(Boolean(inviteeMemberId), 'invitee_member_id', 'REFERRAL_REWARD needs invitee_member_id');
    required(inviteeMemberId !== input.memberId, 'invitee_member_id', 'a member cannot invite themselves');
  }
  return {
    action,
    memberId: input.memberId,
    amountFen,
    points,
    channel,
    idempotencyKey: input.idempotencyKey,
    deviceId,
    ip,
    store,
    inviteeMemberId,
    occurredAt,
    failOpen: input.failOpen ?? false,
    afterCommit: input.afterCommit ?? false,
  };
}

/** The size of an action that its history is compared with: money for earns and refunds, points for burns. */
export function magnitudeOf(action: Pick<ActionToAssess, 'action' | 'amountFen' | 'points'>): number {
  return action.action === 'BURN' || action.action === 'REDEEM' ? action.points : action.amountFen;
}
