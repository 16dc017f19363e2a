import { DomainError } from '../../../kit/src';

/**
 * The pure rules of a points account: given its state, what an earn, a burn, a clawback or an
 * expiry does to the balance, the debt and the lots. No I/O here — the db layer applies a plan
 * inside one transaction with the account row locked.
 *
 * Invariants every plan keeps (tests check them over generated histories):
 *  - balance ≥ 0 and debt ≥ 0;
 *  - balance == Σ remaining of the lots;
 *  - the entries' points sum to the change in balance.
 */
export interface AccountState {
  balance: number;
  debt: number;
  /** Points taken by open holds (domain/hold.ts): in the balance, not spendable. Absent: none. */
  held?: number;
}

/** What a burn or a new hold may take: the balance less what open holds took (never below 0). */
export function spendable(state: AccountState): number {
  return Math.max(0, state.balance - (state.held ?? 0));
}

export interface Lot {
  id: string;
  remaining: number;
  earnedAt: Date;
  /** null: never expires (Diamond). */
  expiresAt: Date | null;
  /** The order that earned the lot, if an order did. */
  orderNo?: string | null;
}

export type EntryType = 'EARN' | 'REDEEM' | 'EXPIRE' | 'ADJUST' | 'CLAWBACK' | 'REVERSAL';

export interface PlannedEntry {
  entryType: EntryType;
  /** Signed. */
  points: number;
  reason: string;
  /** Suffix that makes this entry's idempotency key unique within one command. */
  keySuffix: string;
}

export interface Plan {
  entries: PlannedEntry[];
  /** New remaining per lot id, for the lots this plan touches. */
  lotChanges: Map<string, number>;
  /** A lot to create (an earn), with its points still available after debt netting. */
  newLot?: { points: number; remaining: number };
  after: AccountState;
}

/** Oldest first: the order in which burns consume lots. */
export function fifo(lots: readonly Lot[]): Lot[] {
  return [...lots].filter((l) => l.remaining > 0).sort((a, b) => a.earnedAt.getTime() - b.earnedAt.getTime() || a.id.localeCompare(b.id));
}

function consume(lots: readonly Lot[], points: number, order: (lots: readonly Lot[]) => Lot[] = fifo): Map<string, number> {
  const changes = new Map<string, number>();
  let left = points;
  for (const lot of order(lots)) {
    if (left === 0) break;
    const take = Math.min(lot.remaining, left);
    changes.set(lot.id, lot.remaining - take);
    left -= take;
  }
  if (left > 0) throw new Error(`lots hold less than the balance: ${left} points unaccounted`);
  return changes;
}

/** A credit (an earn, a staff adjustment, a reversal) first pays back any debt (a CLAWBACK entry); the rest becomes available. */
export function planEarn(state: AccountState, points: number, reason: string, entryType: 'EARN' | 'ADJUST' | 'REVERSAL' = 'EARN'): Plan {
  if (!Number.isSafeInteger(points) || points < 0) throw new Error(`earn of ${points} points`);
  const netted = Math.min(state.debt, points);
  const entries: PlannedEntry[] = [{ entryType, points, reason, keySuffix: '' }];
  if (netted > 0) entries.push({ entryType: 'CLAWBACK', points: -netted, reason: `netted against debt: ${reason}`, keySuffix: ':DEBT' });
  return {
    entries,
    lotChanges: new Map(),
    newLot: { points, remaining: points - netted },
    after: { balance: state.balance + points - netted, debt: state.debt - netted },
  };
}

/**
 * A burn (redeem, checkout offset) takes from the oldest lots; more than the spendable balance (the
 * balance less what open holds took) is refused, so a burn can never spend points a hold promised.
 */
export function planBurn(state: AccountState, lots: readonly Lot[], points: number, entryType: 'REDEEM' | 'ADJUST', reason: string): Plan {
  if (!Number.isSafeInteger(points) || points <= 0) throw new Error(`burn of ${points} points`);
  if (points > spendable(state))
    throw new DomainError('INSUFFICIENT_POINTS', `the available balance is smaller than ${points} points`, { field: 'points' });
  return {
    entries: [{ entryType, points: -points, reason, keySuffix: '' }],
    lotChanges: consume(lots, points),
    after: { balance: state.balance - points, debt: state.debt },
  };
}

/**
 * The order in which a refund of `orderNo` consumes lots: that order's own lot first, then the
 * oldest — so buying and refunding cannot swap points about to expire for fresh ones.
 */
export function ownLotFirst(orderNo: string): (lots: readonly Lot[]) => Lot[] {
  return (lots) => {
    const oldestFirst = fifo(lots);
    return [...oldestFirst.filter((l) => l.orderNo === orderNo), ...oldestFirst.filter((l) => l.orderNo !== orderNo)];
  };
}

/**
 * A refund of `orderNo` claws back points, from that order's own lot first, then the oldest; what
 * the balance cannot cover becomes debt (the balance never goes negative), netted against future earns.
 */
export function planClawback(state: AccountState, lots: readonly Lot[], points: number, reason: string, orderNo?: string): Plan {
  if (!Number.isSafeInteger(points) || points < 0) throw new Error(`clawback of ${points} points`);
  const taken = Math.min(state.balance, points);
  return {
    entries: taken > 0 ? [{ entryType: 'CLAWBACK', points: -taken, reason, keySuffix: '' }] : [],
    lotChanges: consume(lots, taken, orderNo ? ownLotFirst(orderNo) : fifo),
    after: { balance: state.balance - taken, debt: state.debt + points - taken },
  };
}

/** Expires what is left of one lot; the lot is empty afterwards, so a second run finds nothing. */
export function planExpiry(state: AccountState, lot: Lot, reason: string): Plan {
  const points = Math.min(lot.remaining, state.balance);
  return {
    entries: points > 0 ? [{ entryType: 'EXPIRE', points: -points, reason, keySuffix: '' }] : [],
    lotChanges: new Map([[lot.id, 0]]),
    after: { balance: state.balance - points, debt: state.debt },
  };
}

/**
 * Points clawed back by a refund, proportionally and cumulatively: after refunds totalling
 * `refundedFen` of an order of `amountFen` that earned `earned`, floor(earned × refunded / amount)
 * have been taken in all; this refund takes what that adds.
 */
export function clawbackForRefund(
  earned: number,
  amountFen: number,
  refundedBeforeFen: number,
  refundFen: number,
  clawedBefore: number,
): number {
  if (refundFen <= 0 || refundedBeforeFen + refundFen > amountFen) {
    throw new DomainError('BAD_USER_INPUT', 'refunds of an order cannot exceed its amount', { field: 'amount' });
  }
  const target = Number((BigInt(earned) * BigInt(refundedBeforeFen + refundFen)) / BigInt(amountFen));
  return target - clawedBefore;
}

/** The last day a lot expiring at `expiresAt` can still be used, as YYYY-MM-DD in the programme's time zone. */
export function lastDayBefore(expiresAt: Date, utcOffsetMinutes: number): string {
  return new Date(expiresAt.getTime() - 1 + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * When points earned at `earnedAt` expire: at the end of the `months`-th month after the month of
 * earning, in the programme's time zone (DOMAIN.md §3: 12). Returned as the first instant after it.
 */
export function expiryOf(earnedAt: Date, months: number, utcOffsetMinutes: number): Date {
  const local = new Date(earnedAt.getTime() + utcOffsetMinutes * 60_000);
  const firstOfNextMonthAfter = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + months + 1, 1);
  return new Date(firstOfNextMonthAfter - utcOffsetMinutes * 60_000);
}

/**
 * A new lot's calendar expiry, whatever the tier: whether it is held (Diamond) is decided at expiry
 * time by the member's tier then (domain/expiry.ts effectiveExpiry).
 */
export function lotExpiry(earnedAt: Date, rules: { expiryMonths: number; utcOffsetMinutes: number }): Date {
  return expiryOf(earnedAt, rules.expiryMonths, rules.utcOffsetMinutes);
}
