import { randomUUID } from 'node:crypto';
import { DomainError, parseChannel, parseCode, parseDecimalToMilli, parseInstant, parseStoreCode } from '../../../kit/src';
import { NEUTRAL_COEFFICIENT } from './coefficient';

/**
 * MULTIPLIER: an activity coefficient on order earn. BONUS: fixed points for each action of a kind.
 * TASK: complete N actions for a reward. CHECK_IN_STREAK: N consecutive check-in days for a reward.
 */
export const CAMPAIGN_TYPES = ['MULTIPLIER', 'BONUS', 'TASK', 'CHECK_IN_STREAK'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

/** Stored states; LIVE is a SCHEDULED campaign inside its window (see lifecycle.ts). */
export type CampaignStatus = 'DRAFT' | 'SCHEDULED' | 'ENDED';

/** The actions BONUS and TASK campaigns count. */
export const TASK_ACTIONS = ['CHECK_IN', 'PROFILE_COMPLETION', 'FIRST_MINI_PROGRAM_ORDER'] as const;

/** "2.0" → 2000: a coefficient between 1 and 10 with at most three decimals. */
export function parseCoefficient(text: string): number {
  return parseDecimalToMilli(
    text,
    'activityCoefficient',
    { min: 1000, max: 10_000 },
    'activityCoefficient must be between 1 and 10 with at most three decimals, e.g. "2.0"',
  );
}

export interface TargetingInput {
  tiers?: readonly string[] | null;
  channels?: readonly string[] | null;
  stores?: readonly string[] | null;
  segments?: readonly string[] | null;
  requireMarketingConsent?: boolean | null;
}

export interface CampaignInput {
  name: string;
  type?: string | null;
  activityCoefficient?: string | null;
  startsAt: string;
  endsAt: string;
  /** Created as DRAFT (not applying until scheduled); otherwise SCHEDULED at once. */
  draft?: boolean | null;
  target?: TargetingInput | null;
  budgetPoints?: number | null;
  budgetCoupons?: number | null;
  bonusPoints?: number | null;
  taskAction?: string | null;
  taskTarget?: number | null;
  rewardCouponTemplate?: string | null;
}

export interface Targeting {
  targetTiers: string[] | null;
  targetChannels: string[] | null;
  targetStores: string[] | null;
  targetSegments: string[] | null;
  requireMarketingConsent: boolean;
}

export interface CampaignDraft extends Targeting {
  id: string;
  name: string;
  type: CampaignType;
  status: CampaignStatus;
  coefficientMilli: number;
  startsAt: Date;
  endsAt: Date;
  budgetPoints: number | null;
  budgetCoupons: number | null;
  bonusPoints: number | null;
  taskAction: string | null;
  taskTarget: number | null;
  rewardCouponTemplate: string | null;
}

const bad = (field: string, message: string, reason?: string) =>
  new DomainError('BAD_USER_INPUT', message, reason ? { field, reason } : { field });

/** A list of codes, deduplicated; empty or absent means "no restriction" (null). */
function list(values: readonly string[] | null | undefined, parse: (value: string) => string): string[] | null {
  if (!values || values.length === 0) return null;
  if (values.length > 100) throw bad('target', 'a targeting list holds at most 100 entries');
  return [...new Set(values.map(parse))];
}

export function parseTargeting(input: TargetingInput | null | undefined): Targeting {
  return {
    targetTiers: list(input?.tiers, (t) => parseCode(t, 'target.tiers', { max: 32 })),
    targetChannels: list(input?.channels, (c) => parseChannel(c, 'target.channels')),
    targetStores: list(input?.stores, (s) => parseStoreCode(s, 'target.stores')),
    targetSegments: list(input?.segments, (s) => parseCode(s, 'target.segments', { max: 36 })),
    requireMarketingConsent: input?.requireMarketingConsent ?? false,
  };
}

function count(value: number | null | undefined, field: string, min: number): number | null {
  if (value == null) return null;
  if (!Number.isSafeInteger(value) || value < min) throw bad(field, `${field} must be a whole number of at least ${min}`);
  return value;
}

function parseType(text: string | null | undefined): CampaignType {
  const type = text ?? 'MULTIPLIER';
  if (!(CAMPAIGN_TYPES as readonly string[]).includes(type)) throw bad('type', `type must be one of ${CAMPAIGN_TYPES.join(', ')}`);
  return type as CampaignType;
}

/** The window [startsAt, endsAt): both instants, the end after the start. */
export function parseWindow(startsAtText: string, endsAtText: string): { startsAt: Date; endsAt: Date } {
  const startsAt = parseInstant(startsAtText, 'startsAt');
  const endsAt = parseInstant(endsAtText, 'endsAt');
  if (endsAt <= startsAt) throw bad('endsAt', 'endsAt must be after startsAt', 'INVERTED_WINDOW');
  return { startsAt, endsAt };
}

/** What each type needs: a multiplier its coefficient, the others their action, target and reward. */
function typeRules(type: CampaignType, input: CampaignInput) {
  const bonusPoints = count(input.bonusPoints, 'bonusPoints', 1);
  const taskTarget = count(input.taskTarget, 'taskTarget', 1);
  const rewardCouponTemplate =
    input.rewardCouponTemplate == null ? null : parseCode(input.rewardCouponTemplate, 'rewardCouponTemplate', { max: 32 });
  const taskAction = input.taskAction ?? null;
  if (taskAction !== null && !(TASK_ACTIONS as readonly string[]).includes(taskAction))
    throw bad('taskAction', `taskAction must be one of ${TASK_ACTIONS.join(', ')}`);
  if (type === 'MULTIPLIER') {
    if (input.activityCoefficient == null) throw bad('activityCoefficient', 'a MULTIPLIER campaign needs activityCoefficient');
    return {
      coefficientMilli: parseCoefficient(input.activityCoefficient),
      bonusPoints: null,
      taskAction: null,
      taskTarget: null,
      rewardCouponTemplate,
    };
  }
  if (input.activityCoefficient != null) throw bad('activityCoefficient', `only a MULTIPLIER campaign has an activityCoefficient`);
  if (bonusPoints === null && rewardCouponTemplate === null)
    throw bad('bonusPoints', `a ${type} campaign needs bonusPoints or rewardCouponTemplate`);
  if (type === 'BONUS' || type === 'TASK') {
    if (taskAction === null) throw bad('taskAction', `a ${type} campaign needs taskAction`);
  }
  if (type === 'TASK' && taskTarget === null) throw bad('taskTarget', 'a TASK campaign needs taskTarget (actions to complete)');
  if (type === 'CHECK_IN_STREAK' && (taskTarget === null || taskTarget < 2))
    throw bad('taskTarget', 'a CHECK_IN_STREAK campaign needs taskTarget of at least 2 (consecutive days)');
  return {
    coefficientMilli: NEUTRAL_COEFFICIENT,
    bonusPoints,
    taskAction: type === 'CHECK_IN_STREAK' ? 'CHECK_IN' : taskAction,
    taskTarget: type === 'BONUS' ? null : taskTarget,
    rewardCouponTemplate,
  };
}

export function newCampaign(input: CampaignInput): CampaignDraft {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 128) throw bad('name', 'name must be 1–128 characters');
  const type = parseType(input.type);
  const { startsAt, endsAt } = parseWindow(input.startsAt, input.endsAt);
  return {
    id: randomUUID(),
    name,
    type,
    status: input.draft ? 'DRAFT' : 'SCHEDULED',
    ...typeRules(type, input),
    startsAt,
    endsAt,
    ...parseTargeting(input.target),
    budgetPoints: count(input.budgetPoints, 'budgetPoints', 0),
    budgetCoupons: count(input.budgetCoupons, 'budgetCoupons', 0),
  };
}
