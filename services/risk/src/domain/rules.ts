import { DomainError } from '../../../kit/src';
import { ACTIONS, type Action, type Decision } from './action';

/*
 * Risk rules are data: a row per rule whose `definition` is JSON naming its kind and parameters.
 * Staff edit them; every edit goes through parseRule, so a rule that is stored always evaluates.
 */

export type Scope = 'MEMBER' | 'DEVICE' | 'IP';

/** Too many actions from one member, device or IP within a window. */
export interface VelocityRule {
  kind: 'VELOCITY';
  actions: Action[];
  by: Scope;
  windowSeconds: number;
  /** The most actions allowed in the window, this one included. */
  max: number;
}

/** One device or IP used by too many members within a window (device farms, account sharing). */
export interface FanOutRule {
  kind: 'FAN_OUT';
  actions: Action[];
  by: 'DEVICE' | 'IP';
  windowSeconds: number;
  /** The most distinct members allowed, this one included. */
  maxMembers: number;
}

/** An amount far above the member's own usual one (median of their last `historySize` of the same actions). */
export interface AmountOutlierRule {
  kind: 'AMOUNT_OUTLIER';
  actions: Array<'EARN' | 'BURN' | 'REDEEM' | 'REFUND'>;
  factor: number;
  /** Fewer past actions than this say nothing about what is usual: the rule stays silent. */
  minHistory: number;
  historySize: number;
}

/** Spending points soon after registering (a new account cashing a welcome bonus or a transfer). */
export interface SoonAfterRegisterRule {
  kind: 'SOON_AFTER_REGISTER';
  actions: Action[];
  withinSeconds: number;
}

/** Earning and then refunding, repeatedly: points kept or spent between the earn and the refund. */
export interface RefundFarmingRule {
  kind: 'REFUND_FARMING';
  actions: Action[];
  windowSeconds: number;
  minRefunds: number;
  /** Refunds per earn in the window at or above which it matches (0–1). */
  minRefundRatio: number;
}

/** A referral reward between members who share a device, close a referral cycle, or whose invitees share devices. */
export interface ReferralRingRule {
  kind: 'REFERRAL_RING';
  /** How far back along past referrals a cycle is looked for. */
  maxDepth: number;
  /** Other invitees of the same inviter on the new invitee's devices at or above which it matches. */
  maxSharedInvitees: number;
}

export type RuleDefinition = VelocityRule | FanOutRule | AmountOutlierRule | SoonAfterRegisterRule | RefundFarmingRule | ReferralRingRule;
export type RuleKind = RuleDefinition['kind'];

export interface RiskRule {
  id: string;
  description: string;
  enabled: boolean;
  /** What the rule decides when it matches; several matches take the strictest. */
  outcome: Exclude<Decision, 'ALLOW'>;
  /** Added to the decision's score (capped at 100) when it matches. */
  score: number;
  definition: RuleDefinition;
}

/** A rule as staff send it and as it is stored: the definition as JSON text. */
export interface RuleInput {
  id: string;
  description: string;
  enabled: boolean;
  outcome: string;
  score: number;
  definition: string;
}

/** A day: the longest window a rule may look back is 90 of them (the history the stats read). */
const DAY = 86_400;

function refuse(message: string): never {
  throw new DomainError('BAD_USER_INPUT', message, { field: 'definition' });
}

type Json = Record<string, unknown>;

function integer(json: Json, key: string, min: number, max: number): number {
  const value = json[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    refuse(`definition.${key} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function number(json: Json, key: string, min: number, max: number): number {
  const value = json[key];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    refuse(`definition.${key} must be a number from ${min} to ${max}`);
  }
  return value;
}

function oneOf<T extends string>(json: Json, key: string, allowed: readonly T[]): T {
  const value = json[key];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    refuse(`definition.${key} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function actions<T extends Action>(json: Json, allowed: readonly T[] = ACTIONS as unknown as T[]): T[] {
  const value = json.actions;
  if (!Array.isArray(value) || value.length === 0 || value.some((a) => !(allowed as readonly unknown[]).includes(a))) {
    refuse(`definition.actions must be a non-empty list of ${allowed.join(', ')}`);
  }
  return [...new Set(value as T[])];
}

const PARSERS: { [K in RuleKind]: (json: Json) => Extract<RuleDefinition, { kind: K }> } = {
  VELOCITY: (json) => ({
    kind: 'VELOCITY',
    actions: actions(json),
    by: oneOf(json, 'by', ['MEMBER', 'DEVICE', 'IP'] as const),
    windowSeconds: integer(json, 'windowSeconds', 1, 90 * DAY),
    max: integer(json, 'max', 1, 100_000),
  }),
  FAN_OUT: (json) => ({
    kind: 'FAN_OUT',
    actions: actions(json),
    by: oneOf(json, 'by', ['DEVICE', 'IP'] as const),
    windowSeconds: integer(json, 'windowSeconds', 1, 90 * DAY),
    maxMembers: integer(json, 'maxMembers', 1, 100_000),
  }),
  AMOUNT_OUTLIER: (json) => ({
    kind: 'AMOUNT_OUTLIER',
    actions: actions(json, ['EARN', 'BURN', 'REDEEM', 'REFUND'] as const),
    factor: number(json, 'factor', 1.5, 1000),
    minHistory: integer(json, 'minHistory', 1, 1000),
    historySize: integer(json, 'historySize', 1, 1000),
  }),
  SOON_AFTER_REGISTER: (json) => ({
    kind: 'SOON_AFTER_REGISTER',
    actions: actions(json),
    withinSeconds: integer(json, 'withinSeconds', 1, 90 * DAY),
  }),
  REFUND_FARMING: (json) => ({
    kind: 'REFUND_FARMING',
    actions: actions(json),
    windowSeconds: integer(json, 'windowSeconds', 1, 90 * DAY),
    minRefunds: integer(json, 'minRefunds', 1, 10_000),
    minRefundRatio: number(json, 'minRefundRatio', 0, 1),
  }),
  REFERRAL_RING: (json) => ({
    kind: 'REFERRAL_RING',
    maxDepth: integer(json, 'maxDepth', 1, 10),
    maxSharedInvitees: integer(json, 'maxSharedInvitees', 1, 1000),
  }),
};

export const RULE_KINDS = Object.keys(PARSERS) as RuleKind[];

/** Parses a rule definition (JSON text); anything that does not parse into a known kind is BAD_USER_INPUT on `definition`. */
export function parseDefinition(text: string): RuleDefinition {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    refuse('definition is not valid JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) refuse('definition must be a JSON object');
  const kind = (json as Json).kind;
  if (typeof kind !== 'string' || !(kind in PARSERS)) refuse(`definition.kind must be one of ${RULE_KINDS.join(', ')}`);
  const definition = PARSERS[kind as RuleKind](json as Json);
  if (definition.kind === 'AMOUNT_OUTLIER' && definition.minHistory > definition.historySize) {
    refuse('definition.minHistory cannot exceed definition.historySize');
  }
  return definition;
}

/** Checks a whole rule as staff send it. */
export function parseRule(input: RuleInput): RiskRule {
  if (!/^[a-z0-9][a-z0-9-]{1,63}$/.test(input.id)) {
    throw new DomainError('BAD_USER_INPUT', 'id must be 2–64 lower-case letters, digits or dashes', { field: 'id' });
  }
  const description = input.description.trim();
  if (description.length < 3 || description.length > 255) {
    throw new DomainError('BAD_USER_INPUT', 'description must be 3–255 characters', { field: 'description' });
  }
  if (input.outcome !== 'REVIEW' && input.outcome !== 'DENY') {
    throw new DomainError('BAD_USER_INPUT', 'outcome must be REVIEW or DENY', { field: 'outcome' });
  }
  if (!Number.isInteger(input.score) || input.score < 0 || input.score > 100) {
    throw new DomainError('BAD_USER_INPUT', 'score must be a whole number from 0 to 100', { field: 'score' });
  }
  return {
    id: input.id,
    description,
    enabled: input.enabled,
    outcome: input.outcome,
    score: input.score,
    definition: parseDefinition(input.definition),
  };
}
