import { DomainError, parseWholeNumber } from '../../../kit/src';
import { parseLabel, parseMatrixCode } from './benefitMatrix';

/**
 * Rewards for points (積分商城) and the rules of their redemption saga. Pure: the commands
 * (commands/defineReward.ts, redeemReward.ts, rewardSaga.ts) read and write, these decide.
 *
 * A redemption is a saga whose state lives in its row (reward_redemptions.state):
 *
 *   STOCK_RESERVED → POINTS_HELD → ISSUED → CAPTURED → COMPLETED
 *          ↘             ↘           ↘
 *                     COMPENSATING → COMPENSATED
 *
 *  - STOCK_RESERVED: redeemReward took one of the reward's stock and one of the member's limit
 *    (guarded UPDATEs) and wrote the row, in one transaction.
 *  - → POINTS_HELD: the points service held the price (HoldPoints, key REWARD:<id>).
 *  - → ISSUED: the coupon was issued (issueCoupon, key REWARD:<id>) or the goods voucher written —
 *    in the very transaction that moves the state, so an issue that lands after the saga gave up
 *    rolls back instead of handing out a free coupon.
 *  - → CAPTURED: the hold became a REDEEM entry in the ledger (CapturePoints).
 *  - → COMPLETED: done.
 *  - Any failure of a forward step → COMPENSATING: release the hold (ReleasePoints; if the points
 *    service answers that the hold was captured after all, the saga goes forward to CAPTURED
 *    instead), then in one transaction void the coupon or voucher, give the stock and the member's
 *    count back → COMPENSATED. A compensation that cannot reach the points service is retried
 *    (outbox backoff) until it can; it never gives up half-way.
 * Every next step is an outbox event (kit outbox), written in the transaction of the state change:
 * a restart resumes every saga that is not COMPLETED or COMPENSATED.
 */
export const REWARD_KINDS = ['COUPON', 'GOODS'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];

export const SAGA_STATES = ['STOCK_RESERVED', 'POINTS_HELD', 'ISSUED', 'CAPTURED', 'COMPLETED', 'COMPENSATING', 'COMPENSATED'] as const;
export type SagaState = (typeof SAGA_STATES)[number];
export type SagaStep = 'HOLD' | 'ISSUE' | 'CAPTURE' | 'COMPLETE' | 'COMPENSATE';

/** The step a saga in `state` takes next, and the state it reaches when the step succeeds. */
export const NEXT_STEP: Readonly<Partial<Record<SagaState, { step: SagaStep; to: SagaState }>>> = {
  STOCK_RESERVED: { step: 'HOLD', to: 'POINTS_HELD' },
  POINTS_HELD: { step: 'ISSUE', to: 'ISSUED' },
  ISSUED: { step: 'CAPTURE', to: 'CAPTURED' },
  CAPTURED: { step: 'COMPLETE', to: 'COMPLETED' },
  COMPENSATING: { step: 'COMPENSATE', to: 'COMPENSATED' },
};

export function isFinished(state: SagaState): boolean {
  return state === 'COMPLETED' || state === 'COMPENSATED';
}

/** The key of every effect of one redemption at its peers: the hold and the coupon. */
export function sagaKey(redemptionId: string): string {
  return `REWARD:${redemptionId}`;
}

/** The goods voucher of a redemption: derived from its id, so writing it twice writes the same code. */
export function voucherCodeOf(redemptionId: string): string {
  return `RV-${redemptionId.replace(/-/g, '').slice(0, 20).toUpperCase()}`;
}

export interface RewardInput {
  code: string;
  name: string;
  kind: string;
  templateCode?: string | null;
  goodsSku?: string | null;
  pointsPrice: number;
  stock: number;
  perMemberLimit: number;
  /** Tier ids that may redeem it; empty or absent: every tier. */
  tiers?: readonly string[] | null;
}

export interface RewardRules {
  code: string;
  name: string;
  kind: RewardKind;
  templateCode: string | null;
  goodsSku: string | null;
  pointsPrice: number;
  stock: number;
  perMemberLimit: number;
  tiers: string[];
}

const MAX_PRICE = 10_000_000;
const MAX_STOCK = 10_000_000;
const MAX_PER_MEMBER = 1000;

/** A reward as staff define it: a coupon reward names its template, a goods reward its SKU, never both. */
export function parseReward(input: RewardInput): RewardRules {
  const kind = input.kind as RewardKind;
  if (!REWARD_KINDS.includes(kind)) throw new DomainError('BAD_USER_INPUT', `kind must be ${REWARD_KINDS.join(' or ')}`, { field: 'kind' });
  if (kind === 'COUPON' && (!input.templateCode || input.goodsSku)) {
    throw new DomainError('BAD_USER_INPUT', 'a COUPON reward names its templateCode and no goodsSku', { field: 'templateCode' });
  }
  if (kind === 'GOODS' && (!input.goodsSku || input.templateCode)) {
    throw new DomainError('BAD_USER_INPUT', 'a GOODS reward names its goodsSku and no templateCode', { field: 'goodsSku' });
  }
  const tiers = [...new Set((input.tiers ?? []).map((tier) => parseMatrixCode(tier, 'tiers')))];
  if (tiers.length > 20) throw new DomainError('BAD_USER_INPUT', 'at most 20 tiers', { field: 'tiers' });
  const goodsSku = input.goodsSku ? input.goodsSku.trim() : null;
  if (goodsSku !== null && !/^[A-Za-z0-9_\-.]{1,64}$/.test(goodsSku)) {
    throw new DomainError('BAD_USER_INPUT', 'goodsSku must be 1–64 letters, digits or _-.', { field: 'goodsSku' });
  }
  return {
    code: parseMatrixCode(input.code, 'code'),
    name: parseLabel(input.name, 'name'),
    kind,
    templateCode: input.templateCode ? parseMatrixCode(input.templateCode, 'templateCode') : null,
    goodsSku,
    pointsPrice: parseWholeNumber(input.pointsPrice, 'pointsPrice', 1, MAX_PRICE),
    stock: parseWholeNumber(input.stock, 'stock', 0, MAX_STOCK),
    perMemberLimit: parseWholeNumber(input.perMemberLimit, 'perMemberLimit', 1, MAX_PER_MEMBER),
    tiers,
  };
}

/** What staff may change on a reward (its code, kind and what it gives never change). */
export interface RewardChange {
  name?: string | null;
  pointsPrice?: number | null;
  /** Added to the stock (negative takes stock away, never below what is left). */
  addStock?: number | null;
  perMemberLimit?: number | null;
  tiers?: readonly string[] | null;
  active?: boolean | null;
}

export function parseRewardChange(change: RewardChange) {
  return {
    name: change.name == null ? undefined : parseLabel(change.name, 'name'),
    pointsPrice: change.pointsPrice == null ? undefined : parseWholeNumber(change.pointsPrice, 'pointsPrice', 1, MAX_PRICE),
    addStock: change.addStock == null ? 0 : parseWholeNumber(change.addStock, 'addStock', -MAX_STOCK, MAX_STOCK),
    perMemberLimit:
      change.perMemberLimit == null ? undefined : parseWholeNumber(change.perMemberLimit, 'perMemberLimit', 1, MAX_PER_MEMBER),
    tiers: change.tiers == null ? undefined : [...new Set(change.tiers.map((tier) => parseMatrixCode(tier, 'tiers')))],
    active: change.active ?? undefined,
  };
}

/**
 * Whether a member of `tierId` may redeem the reward now: unknown or inactive rewards are NOT_FOUND,
 * a tier the reward is not for is FORBIDDEN (reason TIER_RESTRICTED), an empty stock CONFLICT
 * (OUT_OF_STOCK), a spendable balance below the price INSUFFICIENT_POINTS. Checked before anything
 * is reserved; the stock, the limit and the balance are decided again where they are taken.
 */
export function checkRedemption(
  reward: { code: string; active: boolean; tiers: readonly string[]; stockLeft: number; pointsPrice: number } | null,
  member: { tierId: string; spendable: number },
  rewardCode: string,
): void {
  if (!reward || !reward.active) throw new DomainError('NOT_FOUND', `no reward ${rewardCode}`, { field: 'rewardId' });
  if (reward.tiers.length > 0 && !reward.tiers.includes(member.tierId)) {
    throw new DomainError('FORBIDDEN', `reward ${reward.code} is for the tiers ${reward.tiers.join(', ')}`, {
      field: 'rewardId',
      reason: 'TIER_RESTRICTED',
    });
  }
  if (reward.stockLeft <= 0) throw outOfStock(reward.code);
  if (member.spendable < reward.pointsPrice) {
    throw new DomainError(
      'INSUFFICIENT_POINTS',
      `reward ${reward.code} costs ${reward.pointsPrice} points; ${member.spendable} are available`,
      {
        field: 'rewardId',
      },
    );
  }
}

export const outOfStock = (code: string) =>
  new DomainError('CONFLICT', `reward ${code} is out of stock`, { field: 'rewardId', reason: 'OUT_OF_STOCK' });

export const overLimit = (code: string, limit: number) =>
  new DomainError('CONFLICT', `a member may redeem reward ${code} at most ${limit} times`, {
    field: 'rewardId',
    reason: 'PER_MEMBER_LIMIT',
  });
