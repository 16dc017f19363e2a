import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, enqueueOutboxEvent, inTransaction, type Logger, type Outbox, type OutboxHandler } from '../../../kit/src';
import { templateRules } from '../db/coupons';
import { Coupon } from '../db/entities/Coupon';
import { CouponClaim } from '../db/entities/CouponClaim';
import { CouponTemplate } from '../db/entities/CouponTemplate';
import { Reward } from '../db/entities/Reward';
import { RewardClaim } from '../db/entities/RewardClaim';
import { RewardRedemption } from '../db/entities/RewardRedemption';
import { faceValueFen } from '../domain/couponTemplate';
import { isFinished, sagaKey, voucherCodeOf, type SagaState, type SagaStep } from '../domain/reward';
import type { CouponIssuerPort, MemberPort, PointsPort } from '../ports';
import { issueCoupon } from './issueCoupon';

/*
 * The reward redemption saga's steps (the rules and the state diagram: domain/reward.ts). Each step
 * is an outbox event — type REWARD_SAGA_STEP, key reward:<id>, payload { redemptionId, state } —
 * enqueued in the transaction that moved the saga into `state`, and delivered by the kit's outbox
 * (at once after a commit, and by its dispatcher after a failure or a restart). A step does its
 * effect at a peer (idempotent by the key REWARD:<id>), then moves the state by a guarded UPDATE and
 * enqueues the next step, in one transaction. An event whose state the saga has left is stale and
 * does nothing: a redelivered or doubly delivered step moves the saga once.
 */

export const REWARD_SAGA_STEP = 'reward.saga.step';

export interface SagaStepPayload {
  redemptionId: string;
  /** The state the step starts from. */
  state: SagaState;
}

export interface SagaDeps {
  dataSource: DataSource;
  points: PointsPort;
  coupons: CouponIssuerPort;
  /** How long the points hold lasts if this saga never captures it. */
  holdTtlMs: number;
  /** The coupon issue's deadline: past it the step has failed (a late issue rolls back, see CouponIssuerPort). */
  issueDeadlineMs: number;
  /** Tries of a step whose peer did not answer before the saga compensates (1: at once). */
  maxStepAttempts: number;
  logger?: Logger;
}

export const sagaOutboxKey = (redemptionId: string) => `reward:${redemptionId}`;

/** Enqueues the step a saga now in `state` takes next (none once it is finished), in the caller's transaction. */
export async function enqueueSagaStep(manager: EntityManager, redemptionId: string, state: SagaState, at = new Date()): Promise<void> {
  if (isFinished(state)) return;
  await enqueueOutboxEvent<SagaStepPayload>(manager, {
    type: REWARD_SAGA_STEP,
    key: sagaOutboxKey(redemptionId),
    payload: { redemptionId, state },
    at,
  });
}

/** Thrown inside a transaction whose guarded state change found the saga moved on: it rolls back. */
class SagaMoved extends Error {
  constructor(id: string, from: SagaState) {
    super(`redemption ${id} is no longer ${from}`);
  }
}

/** Moves a saga from `from` to `to` (with `fields`) by a guarded UPDATE and enqueues its next step; SagaMoved if it had moved. */
async function moveIn(
  manager: EntityManager,
  redemption: RewardRedemption,
  from: SagaState,
  to: SagaState,
  fields: Partial<RewardRedemption> = {},
): Promise<void> {
  const now = new Date();
  const moved = await manager
    .createQueryBuilder()
    .update(RewardRedemption)
    .set({ ...fields, state: to, stepAttempts: 0, updatedAt: now, ...(isFinished(to) ? { finishedAt: now } : {}) })
    .where('id = :id AND state = :from', { id: redemption.id, from })
    .execute();
  if (moved.affected !== 1) throw new SagaMoved(redemption.id, from);
  await enqueueSagaStep(manager, redemption.id, to, now);
}

/** The same in a transaction of its own; a saga that had moved on is left as it is. */
async function move(deps: SagaDeps, redemption: RewardRedemption, from: SagaState, to: SagaState, fields: Partial<RewardRedemption> = {}) {
  try {
    await inTransaction(deps.dataSource, (manager) => moveIn(manager, redemption, from, to, fields));
  } catch (error) {
    if (!(error instanceof SagaMoved)) throw error;
  }
}

/**
 * A forward step failed. A peer that did not answer (UNAVAILABLE: down, or past the deadline) may
 * not have acted either: the step is tried again — the error goes back to the outbox, which retries
 * with backoff — up to `maxStepAttempts` tries in all. A refusal, or the last try, compensates,
 * recording why.
 */
async function fail(deps: SagaDeps, redemption: RewardRedemption, step: SagaStep, error: unknown) {
  const code = error instanceof DomainError ? error.code : 'INTERNAL_SERVER_ERROR';
  if (code === 'UNAVAILABLE' && redemption.stepAttempts + 1 < deps.maxStepAttempts) {
    await deps.dataSource
      .createQueryBuilder()
      .update(RewardRedemption)
      .set({ stepAttempts: () => 'step_attempts + 1', updatedAt: new Date() })
      .where('id = :id AND state = :state', { id: redemption.id, state: redemption.state })
      .execute();
    throw error;
  }
  const message = error instanceof Error ? error.message : String(error);
  deps.logger?.warn({ redemptionId: redemption.id, step, code, err: error }, 'reward redemption step failed; compensating');
  return move(deps, redemption, redemption.state, 'COMPENSATING', {
    failedStep: step,
    failureCode: code.slice(0, 32),
    failureMessage: message.slice(0, 255),
  });
}

function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DomainError('UNAVAILABLE', `${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Runs the step of a saga in `state`; a saga found in another state (a stale event) is left alone. */
export async function runSagaStep(deps: SagaDeps, { redemptionId, state }: SagaStepPayload): Promise<void> {
  const redemption = await deps.dataSource.getRepository(RewardRedemption).findOneBy({ id: redemptionId });
  if (!redemption || redemption.state !== state) return;
  const key = sagaKey(redemption.id);
  switch (state) {
    case 'STOCK_RESERVED': {
      try {
        await deps.points.hold({
          memberId: redemption.memberId,
          points: redemption.points,
          holdKey: key,
          sourceRef: redemption.id,
          reason: `reward ${redemption.rewardCode}`,
          expiresAt: new Date(Date.now() + deps.holdTtlMs),
        });
      } catch (error) {
        return fail(deps, redemption, 'HOLD', error);
      }
      return move(deps, redemption, state, 'POINTS_HELD');
    }
    case 'POINTS_HELD': {
      if (redemption.kind === 'GOODS') return move(deps, redemption, state, 'ISSUED', { voucherCode: voucherCodeOf(redemption.id) });
      const reward = await deps.dataSource.getRepository(Reward).findOneByOrFail({ code: redemption.rewardCode });
      try {
        await withDeadline(
          deps.coupons.issue(
            { templateCode: reward.templateCode!, memberId: redemption.memberId, idempotencyKey: key },
            (manager, couponId) => moveIn(manager, redemption, state, 'ISSUED', { couponId }),
          ),
          deps.issueDeadlineMs,
          'the coupon issue',
        );
      } catch (error) {
        // SagaMoved: the saga left POINTS_HELD meanwhile (another delivery issued, or it compensated).
        if (error instanceof SagaMoved) return;
        return fail(deps, redemption, 'ISSUE', error);
      }
      return;
    }
    case 'ISSUED': {
      let captured;
      try {
        captured = await deps.points.capture(key);
      } catch (error) {
        return fail(deps, redemption, 'CAPTURE', error);
      }
      return move(deps, redemption, state, 'CAPTURED', { ledgerEntryId: captured.entryId });
    }
    case 'CAPTURED':
      return move(deps, redemption, state, 'COMPLETED');
    case 'COMPENSATING':
      return compensate(deps, redemption);
    default:
      return;
  }
}

/**
 * Gives back what the saga took, the points first: the points service answers whether the hold was
 * released or had been captured after all (a capture that timed out here but happened there) — then
 * the saga goes forward, since the member paid and still holds the coupon. Otherwise, in one
 * transaction: the coupon voided and its template's stock, budget and the member's count given
 * back (it was never really issued), the reward's stock and the member's count given back →
 * COMPENSATED. A release that fails throws: the outbox retries it until the points service answers.
 */
async function compensate(deps: SagaDeps, redemption: RewardRedemption): Promise<void> {
  const key = sagaKey(redemption.id);
  const released = await deps.points.release(key, redemption.memberId);
  if (released.state === 'CAPTURED') {
    const { entryId } = await deps.points.capture(key);
    deps.logger?.info({ redemptionId: redemption.id }, 'reward redemption was captured before its compensation; completing it');
    return move(deps, redemption, 'COMPENSATING', 'CAPTURED', {
      ledgerEntryId: entryId,
      failedStep: null,
      failureCode: null,
      failureMessage: null,
    });
  }
  try {
    await inTransaction(deps.dataSource, async (manager) => {
      await moveIn(manager, redemption, 'COMPENSATING', 'COMPENSATED');
      // Read inside: from COMPENSATING nothing can set the coupon any more.
      const current = await manager.getRepository(RewardRedemption).findOneByOrFail({ id: redemption.id });
      if (current.couponId) await unissueCoupon(manager, current.couponId);
      await manager
        .createQueryBuilder()
        .update(RewardClaim)
        .set({ claimed: () => 'claimed - 1' })
        .where('reward_code = :code AND member_id = :memberId AND claimed > 0', { code: current.rewardCode, memberId: current.memberId })
        .execute();
      await manager
        .createQueryBuilder()
        .update(Reward)
        .set({ stockLeft: () => 'stock_left + 1' })
        .where('code = :code', { code: current.rewardCode })
        .execute();
    });
  } catch (error) {
    if (!(error instanceof SagaMoved)) throw error;
  }
}

/** Voids a reward's coupon that its saga compensated, and gives back what issuing it took. */
async function unissueCoupon(manager: EntityManager, couponId: string): Promise<void> {
  const voided = await manager
    .createQueryBuilder()
    .update(Coupon)
    .set({ status: 'VOIDED', voidedAt: new Date(), voidReason: 'reward redemption compensated' })
    .where("id = :couponId AND status = 'AVAILABLE'", { couponId })
    .execute();
  // Already used at a checkout in the moment between issue and capture: it cannot be taken back.
  if (voided.affected !== 1) return;
  const coupon = await manager.getRepository(Coupon).findOneByOrFail({ id: couponId });
  const template = await manager.getRepository(CouponTemplate).findOneByOrFail({ code: coupon.templateCode });
  await manager
    .createQueryBuilder()
    .update(CouponClaim)
    .set({ issued: () => 'issued - 1' })
    .where('template_code = :code AND member_id = :memberId AND issued > 0', { code: coupon.templateCode, memberId: coupon.memberId })
    .execute();
  const face = faceValueFen(templateRules(template)) ?? 0;
  await manager
    .createQueryBuilder()
    .update(CouponTemplate)
    .set({
      stockLeft: () => 'stock_left + 1',
      budgetLeftFen: () => 'CASE WHEN budget_left_fen IS NULL THEN NULL ELSE budget_left_fen + :face END',
    })
    .where('code = :code', { code: coupon.templateCode, face })
    .execute();
}

/** The outbox handler of saga steps: each event's step, in order. */
export function rewardSagaHandler(deps: SagaDeps): OutboxHandler {
  return async (events) => {
    for (const event of events) await runSagaStep(deps, event.payload as SagaStepPayload);
  };
}

/**
 * Drives a saga from the request that started it: delivers its outbox events now, step after step,
 * until it is finished or a step makes no progress (a compensation waiting for the points service;
 * the dispatcher carries it on). Answers the redemption as it stands.
 */
export async function driveSaga(
  dataSource: DataSource,
  outbox: Pick<Outbox, 'deliverNow'>,
  redemptionId: string,
): Promise<RewardRedemption> {
  const redemptions = dataSource.getRepository(RewardRedemption);
  let redemption = await redemptions.findOneByOrFail({ id: redemptionId });
  for (let steps = 0; steps < 8 && !isFinished(redemption.state); steps += 1) {
    const before = redemption.state;
    await outbox.deliverNow(sagaOutboxKey(redemptionId));
    redemption = await redemptions.findOneByOrFail({ id: redemptionId });
    if (redemption.state === before) break;
  }
  return redemption;
}

/** The saga's coupons, from this service's own issueCoupon command (source REWARD). */
export function localCouponIssuer(dataSource: DataSource, member: MemberPort): CouponIssuerPort {
  return {
    issue: async (input, within) => {
      const { coupon, replayed } = await issueCoupon(dataSource, member, input, 'reward-saga', 'REWARD', new Date(), (manager, issued) =>
        within(manager, issued.id),
      );
      return { couponId: coupon.id, replayed };
    },
  };
}
