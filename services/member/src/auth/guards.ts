import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, rowLock } from '../../../kit/src';
import { LoginGuard } from '../db/entities/LoginGuard';

/**
 * Per phone (or staff username): 5 code sends an hour, 10 wrong tries then locked for the rest of
 * the hour. Per client address the same by default; configurable apart, since many honest members
 * can share one address (a store's Wi-Fi, a carrier's NAT).
 */
export interface GuardLimits {
  windowMs: number;
  maxSends: number;
  maxFailures: number;
  addressMaxSends: number;
  addressMaxFailures: number;
}

const isAddress = (key: string) => key.startsWith('ip:');

/** How many code sends a guard allows in its window. */
export function maxSendsOf(key: string, limits: GuardLimits): number {
  return isAddress(key) ? limits.addressMaxSends : limits.maxSends;
}

/** Makes sure the guard rows exist, outside the transaction that locks them (see ensureAccount in points). */
export async function ensureGuards(dataSource: DataSource, keys: readonly string[], now: Date): Promise<void> {
  for (const key of keys) {
    await dataSource
      .createQueryBuilder()
      .insert()
      .into(LoginGuard)
      .values({ key, windowStart: now, sends: 0, failures: 0, lockedUntil: null })
      .orIgnore()
      .execute();
  }
}

/** The guard keys of one try: the credential's own (`phone:…`, `staff:…`) and the client address's, sorted. */
export function guardKeys(own: string, ip: string | undefined): string[] {
  return [own, ...(ip ? [`ip:${ip}`] : [])].sort();
}

/**
 * The guard, locked for the transaction and with its window rolled over when it has passed. A
 * locked guard is TOO_MANY_REQUESTS. Keys are always locked in sorted order, so two requests
 * never wait on each other's rows in opposite orders.
 */
async function lockGuard(manager: EntityManager, key: string, limits: GuardLimits, now: Date): Promise<LoginGuard> {
  const guard = await manager.findOneOrFail(LoginGuard, { where: { key }, lock: rowLock(manager) });
  if (guard.lockedUntil && guard.lockedUntil.getTime() > now.getTime()) {
    throw new DomainError('TOO_MANY_REQUESTS', 'too many tries; wait before trying again', {
      retryAfterSeconds: Math.ceil((guard.lockedUntil.getTime() - now.getTime()) / 1000),
    });
  }
  if (now.getTime() - guard.windowStart.getTime() >= limits.windowMs) {
    Object.assign(guard, { windowStart: now, sends: 0, failures: 0, lockedUntil: null });
  }
  return guard;
}

/** Locks every guard of a try, in the sorted order of `keys` (see guardKeys). */
export async function lockGuards(manager: EntityManager, keys: readonly string[], limits: GuardLimits, now: Date): Promise<LoginGuard[]> {
  const guards: LoginGuard[] = [];
  for (const key of keys) guards.push(await lockGuard(manager, key, limits, now));
  return guards;
}

/**
 * Records how a try went, in its transaction: a failure counts on every guard; a success clears
 * the credential's own count only — one's own phone or password must not reset an address's count.
 */
export async function settleTry(manager: EntityManager, guards: readonly LoginGuard[], ok: boolean, limits: GuardLimits): Promise<void> {
  for (const guard of guards) {
    if (!ok) countFailure(guard, limits);
    else if (!isAddress(guard.key)) guard.failures = 0;
    await saveGuard(manager, guard);
  }
}

export function saveGuard(manager: EntityManager, guard: LoginGuard): Promise<unknown> {
  const { windowStart, sends, failures, lockedUntil } = guard;
  return manager.update(LoginGuard, { key: guard.key }, { windowStart, sends, failures, lockedUntil });
}

/** Counts a wrong try; the one that reaches the limit locks the guard until the window ends. */
function countFailure(guard: LoginGuard, limits: GuardLimits): void {
  guard.failures += 1;
  if (guard.failures >= (isAddress(guard.key) ? limits.addressMaxFailures : limits.maxFailures))
    guard.lockedUntil = new Date(guard.windowStart.getTime() + limits.windowMs);
}
