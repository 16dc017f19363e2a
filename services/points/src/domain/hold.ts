import { DomainError, parseCode, parseIdempotencyKey, parseMemberId } from '../../../kit/src';
import { planBurn, spendable, type AccountState, type Lot, type Plan } from './account';

/**
 * Two-phase spending: a hold takes points out of the spendable balance at once (balance − held) but
 * writes no ledger entry; a capture writes the REDEEM entry (the oldest lots first, as any burn) and
 * drops the hold; a release drops it. Pure rules — commands/holdPoints.ts applies them under the
 * account lock.
 *
 * Invariants (on top of domain/account.ts's):
 *  - 0 ≤ held, and held == Σ points of the account's HELD holds;
 *  - a hold never exceeds what was spendable when it was taken, so concurrent holds and burns can
 *    never spend the same points twice (no overdraft);
 *  - the ledger changes only at capture, so balance == Σ ledger holds throughout.
 * Holds protect points from burns, not from expiry or a refund's clawback: those may still take
 * the lots, and a capture that then finds the balance short is refused (the caller compensates).
 */
export type HoldState = 'HELD' | 'CAPTURED' | 'RELEASED';

export interface HoldInput {
  memberId: string;
  points: number;
  holdKey: string;
  sourceRef: string;
  reason: string;
  /** When the hold lapses if never captured; absent: now + the service's TTL. */
  expiresAt?: Date;
}

/** Largest single hold: as for a debit, far above any real reward. */
const MAX_POINTS = 100_000_000;

export function parseHold(input: HoldInput): HoldInput {
  parseMemberId(input.memberId);
  if (!Number.isSafeInteger(input.points) || input.points <= 0 || input.points > MAX_POINTS) {
    throw new DomainError('BAD_USER_INPUT', `points must be a whole number between 1 and ${MAX_POINTS}`, { field: 'points' });
  }
  parseIdempotencyKey(input.holdKey, 'holdKey');
  parseCode(input.sourceRef, 'sourceRef');
  return { ...input, reason: input.reason.slice(0, 255) };
}

/** The account after a new hold of `points`; more than is spendable is refused. */
export function planHold(state: AccountState, points: number): Required<AccountState> {
  if (points > spendable(state)) {
    throw new DomainError('INSUFFICIENT_POINTS', `the available balance is smaller than ${points} points`, { field: 'points' });
  }
  return { balance: state.balance, debt: state.debt, held: (state.held ?? 0) + points };
}

/**
 * A capture: the burn of the held points (the hold's own points count as spendable for it), with the
 * hold dropped from `held`. Refused with INSUFFICIENT_POINTS when expiry or a clawback took the
 * lots the hold stood on.
 */
export function planCapture(state: AccountState, lots: readonly Lot[], points: number, reason: string): Plan {
  const held = Math.max(0, (state.held ?? 0) - points);
  const plan = planBurn({ balance: state.balance, debt: state.debt, held }, lots, points, 'REDEEM', reason);
  return { ...plan, after: { ...plan.after, held } };
}

/** The account after a release of a hold of `points`. */
export function planRelease(state: AccountState, points: number): Required<AccountState> {
  return { balance: state.balance, debt: state.debt, held: Math.max(0, (state.held ?? 0) - points) };
}

/** A known hold key answers its first hold only for the same member and points; a released one never again. */
export function replayHold(known: { memberId: string; points: number; state: HoldState }, input: HoldInput): void {
  if (known.memberId !== input.memberId || known.points !== input.points) {
    throw new DomainError('CONFLICT', 'this holdKey was already used for a different hold', { field: 'holdKey' });
  }
  if (known.state === 'RELEASED') throw new DomainError('CONFLICT', 'this hold was released', { field: 'holdKey' });
}
