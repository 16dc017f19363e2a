import { LessThanOrEqual, type DataSource } from 'typeorm';
import { DomainError, inTransaction, isUniqueViolation } from '../../../kit/src';
import { PointsAccount } from '../db/entities/PointsAccount';
import { PointsHold } from '../db/entities/PointsHold';
import { applyPlan, ensureAccount, lockAccount, openLots, setBalance } from '../db/ledger';
import { parseHold, planCapture, planHold, planRelease, replayHold, type HoldInput, type HoldState } from '../domain/hold';
import type { RiskPort } from '../ports';
import { assessSpend } from './assessRisk';

/*
 * Two-phase spending for the benefits service's reward saga (proto/points.proto HoldPoints,
 * CapturePoints, ReleasePoints). Every change of a hold happens under its member's account lock
 * (the same lock every burn takes first), and the hold's row is the key: a retry of any of the
 * three applies once, and they never interleave with a burn. The rules are in domain/hold.ts.
 */

export interface HoldResult {
  hold: PointsHold;
  /** Spendable balance after the hold (for a replay: now). */
  availableAfter: number;
  replayed: boolean;
}

const available = (account: PointsAccount) => Math.max(0, account.balance - account.held);

async function accountOf(dataSource: DataSource, memberId: string): Promise<PointsAccount | null> {
  return dataSource.getRepository(PointsAccount).findOneBy({ memberId });
}

/**
 * Holds points for `holdKey`: out of the spendable balance at once, until captured, released or
 * expired (`ttlMs` after now unless the caller gives `expiresAt`). Risk is asked first, as for a
 * debit (the hold is where the spend is decided), and must answer.
 */
export async function holdPoints(
  dataSource: DataSource,
  risk: RiskPort,
  input: HoldInput,
  options: { ttlMs: number; now?: Date },
): Promise<HoldResult> {
  const hold = parseHold(input);
  const holds = dataSource.getRepository(PointsHold);
  const answer = async (known: PointsHold): Promise<HoldResult> => {
    replayHold(known, hold);
    const account = await accountOf(dataSource, hold.memberId);
    return { hold: known, availableAfter: account ? available(account) : 0, replayed: true };
  };
  const known = await holds.findOneBy({ holdKey: hold.holdKey });
  if (known) return answer(known);
  if (!(await accountOf(dataSource, hold.memberId))) throw new DomainError('INSUFFICIENT_POINTS', 'no points to spend');
  await assessSpend(risk, {
    action: 'REDEEM',
    memberId: hold.memberId,
    amountFen: 0,
    points: hold.points,
    channel: 'PARTNER',
    idempotencyKey: `REDEEM:HOLD:${hold.holdKey}`,
  });
  await ensureAccount(dataSource, hold.memberId);
  const now = options.now ?? new Date();
  const expiresAt = hold.expiresAt && hold.expiresAt.getTime() > 0 ? hold.expiresAt : new Date(now.getTime() + options.ttlMs);
  try {
    return await inTransaction(dataSource, async (manager) => {
      const account = await lockAccount(manager, hold.memberId);
      const after = planHold(account, hold.points);
      const row = manager.getRepository(PointsHold).create({
        holdKey: hold.holdKey,
        memberId: hold.memberId,
        points: hold.points,
        state: 'HELD',
        sourceRef: hold.sourceRef,
        reason: hold.reason,
        expiresAt,
        entryId: null,
        createdAt: now,
        settledAt: null,
      });
      await manager.getRepository(PointsHold).insert(row);
      await setBalance(manager, account, after, 0);
      return { hold: row, availableAfter: after.balance - after.held, replayed: false };
    });
  } catch (error) {
    // Two first attempts (or a hold racing a release marker): the key decides.
    if (!isUniqueViolation(error)) throw error;
    return answer(await holds.findOneByOrFail({ holdKey: hold.holdKey }));
  }
}

export interface CaptureResult {
  entryId: string;
  balanceAfter: number;
  replayed: boolean;
}

/**
 * Captures a HELD hold: one REDEEM entry in the ledger (idempotency key HOLD:<holdKey>), the oldest
 * lots first. A captured hold answers its entry again; a released one (by the caller or the sweep)
 * is CONFLICT; an unknown key NOT_FOUND.
 */
export async function capturePoints(dataSource: DataSource, holdKey: string, now?: Date): Promise<CaptureResult> {
  const holds = dataSource.getRepository(PointsHold);
  const settled = async (hold: PointsHold): Promise<CaptureResult> => {
    if (hold.state === 'RELEASED') throw new DomainError('CONFLICT', 'this hold was released; it cannot be captured', { field: 'holdKey' });
    const account = await accountOf(dataSource, hold.memberId);
    return { entryId: hold.entryId!, balanceAfter: account?.balance ?? 0, replayed: true };
  };
  const hold = holdKey.length <= 128 ? await holds.findOneBy({ holdKey }) : null;
  if (!hold) throw new DomainError('NOT_FOUND', `no hold ${holdKey}`, { field: 'holdKey' });
  if (hold.state !== 'HELD') return settled(hold);
  const result = await inTransaction(dataSource, async (manager) => {
    const account = await lockAccount(manager, hold.memberId);
    // Read again under the lock: a release or another capture may have come first.
    const current = await manager.getRepository(PointsHold).findOneByOrFail({ holdKey });
    if (current.state !== 'HELD') return current;
    const plan = planCapture(account, await openLots(manager, hold.memberId), hold.points, hold.reason);
    const [entry] = await applyPlan(manager, account, plan, {
      memberId: hold.memberId,
      source: 'REDEMPTION',
      sourceRef: hold.sourceRef,
      idempotencyKey: `HOLD:${holdKey}`,
      actor: 'service',
      now,
    });
    await manager
      .getRepository(PointsHold)
      .update({ holdKey, state: 'HELD' }, { state: 'CAPTURED', entryId: entry.id, settledAt: entry.createdAt });
    return { entryId: entry.id, balanceAfter: entry.balanceAfter, replayed: false };
  });
  return result instanceof PointsHold ? settled(result) : result;
}

export interface ReleaseResult {
  /** The state the hold ended in: RELEASED, or CAPTURED when a capture came first. */
  state: Exclude<HoldState, 'HELD'>;
  replayed: boolean;
}

/**
 * Releases a hold, giving its points back to the spendable balance. Never refused for the hold's
 * state: it answers the state the hold ended in. A key never held gets a RELEASED marker (no
 * points), so a hold that arrives after its own compensation is refused instead of taking points.
 */
export async function releasePoints(
  dataSource: DataSource,
  input: { holdKey: string; memberId: string },
  now = new Date(),
): Promise<ReleaseResult> {
  const holds = dataSource.getRepository(PointsHold);
  const hold = input.holdKey.length <= 128 ? await holds.findOneBy({ holdKey: input.holdKey }) : null;
  if (!hold) {
    if (input.holdKey.length > 128 || !input.memberId || input.memberId.length > 36) {
      throw new DomainError('BAD_USER_INPUT', 'holdKey or memberId is malformed', { field: 'holdKey' });
    }
    try {
      await holds.insert({
        holdKey: input.holdKey,
        memberId: input.memberId,
        points: 0,
        state: 'RELEASED',
        sourceRef: '-',
        reason: 'released before it was held',
        expiresAt: now,
        entryId: null,
        createdAt: now,
        settledAt: now,
      });
      return { state: 'RELEASED', replayed: false };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return releasePoints(dataSource, input, now); // the hold came first after all: release it
    }
  }
  if (hold.state !== 'HELD') return { state: hold.state, replayed: true };
  return inTransaction(dataSource, async (manager) => {
    const account = await lockAccount(manager, hold.memberId);
    const current = await manager.getRepository(PointsHold).findOneByOrFail({ holdKey: hold.holdKey });
    if (current.state !== 'HELD') return { state: current.state as ReleaseResult['state'], replayed: true };
    await setBalance(manager, account, planRelease(account, current.points), 0);
    await manager.getRepository(PointsHold).update({ holdKey: hold.holdKey, state: 'HELD' }, { state: 'RELEASED', settledAt: now });
    return { state: 'RELEASED', replayed: false };
  });
}

/** How many expired holds one sweep releases at most (the next run takes the rest). */
const SWEEP_BATCH = 500;

/** The sweep: releases every hold still HELD past its expiry (a saga that never came back for it). */
export async function releaseExpiredHolds(dataSource: DataSource, now = new Date()): Promise<{ holds: number; points: number }> {
  const due = await dataSource
    .getRepository(PointsHold)
    .find({ where: { state: 'HELD', expiresAt: LessThanOrEqual(now) }, order: { expiresAt: 'ASC' }, take: SWEEP_BATCH });
  let holds = 0;
  let points = 0;
  for (const hold of due) {
    const { replayed } = await releasePoints(dataSource, hold, now);
    if (!replayed) {
      holds += 1;
      points += hold.points;
    }
  }
  return { holds, points };
}
