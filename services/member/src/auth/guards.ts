import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, rowLock } from '../../../kit/src';
import { LoginGuard } from '../db/entities/LoginGuard';

/**
 * Sign-in limits, counted per credential (a phone or a staff username), per client address, and
 * per pair of the two, over a window (an hour):
 * - the pair: 5 code sends, 10 wrong tries, then that address is locked out of that credential
 *   for the rest of the window — the lock falls on whoever failed, not on the credential;
 * - the address: the same limits across every credential it tries (configurable apart, since many
 *   honest members can share one address: a store's Wi-Fi, a carrier's NAT);
 * - the credential alone never locks on ordinary failures, so an attacker cannot lock anyone out:
 *   past `slowdownAfter` failures, every address that has failed on it waits an increasing delay
 *   (1 s doubling, at most `maxSlowdownMs`) before its next try, and an alert is logged; an address
 *   that has not failed still signs in. Past `attackThreshold` failures the attack is proven: the
 *   credential is locked for everyone for `attackLockMs`, until an ADMIN lifts it (unlockSignIn).
 */
export interface GuardLimits {
  windowMs: number;
  maxSends: number;
  maxFailures: number;
  addressMaxSends: number;
  addressMaxFailures: number;
  slowdownAfter: number;
  maxSlowdownMs: number;
  attackThreshold: number;
  attackLockMs: number;
  /** Told when a credential starts being slowed down or is locked as attacked (the service logs an alert). */
  onAlert?: (alert: GuardAlert, credential: string) => void;
}

const isAddress = (key: string) => key.startsWith('ip:');
const isPair = (key: string) => key.startsWith('pair:');
const isCredential = (key: string) => !isAddress(key) && !isPair(key);

/** What a try's settling found worth an alert (the caller logs it, without the credential itself). */
export type GuardAlert = 'SLOWED_DOWN' | 'ATTACK_LOCKED';

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

/**
 * The guard keys of one try, sorted: the credential's own (`phone:…`, `staff:…`), the client
 * address's (`ip:…`) and the pair's (`pair:` and a hash of both, which keeps it within the column).
 */
export function guardKeys(own: string, ip: string | undefined): string[] {
  if (!ip) return [own];
  const pair = `pair:${createHash('sha256').update(`${own}|${ip}`).digest('base64url')}`;
  return [own, `ip:${ip}`, pair].sort();
}

/**
 * The guard, locked for the transaction and with its window rolled over when it has passed. A
 * locked guard is TOO_MANY_REQUESTS. Keys are always locked in sorted order, so two requests
 * never wait on each other's rows in opposite orders.
 */
async function lockGuard(manager: EntityManager, key: string, limits: GuardLimits, now: Date): Promise<LoginGuard> {
  const guard = await manager.findOneOrFail(LoginGuard, { where: { key }, lock: rowLock(manager) });
  if (guard.lockedUntil && guard.lockedUntil.getTime() > now.getTime()) {
    const message = isCredential(key)
      ? 'sign-in to this account is locked after a suspected attack; an administrator can lift it'
      : 'too many tries; wait before trying again';
    throw new DomainError('TOO_MANY_REQUESTS', message, {
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
 * Records how a try went, in its transaction. A failure counts on every guard (see GuardLimits for
 * what each count does) and may answer an alert; a success clears its pair's count only — one's
 * own phone or password must not reset an address's count, nor a credential's count of attacks.
 */
export async function settleTry(
  manager: EntityManager,
  guards: readonly LoginGuard[],
  ok: boolean,
  limits: GuardLimits,
  now = new Date(),
): Promise<GuardAlert | undefined> {
  let alert: GuardAlert | undefined;
  const credential = guards.find((g) => isCredential(g.key));
  const pair = guards.find((g) => isPair(g.key));
  if (ok) {
    if (pair) pair.failures = 0;
  } else {
    for (const guard of guards) {
      guard.failures += 1;
      if (isAddress(guard.key) && guard.failures >= limits.addressMaxFailures) guard.lockedUntil = endOfWindow(guard, limits);
      if (isPair(guard.key) && guard.failures >= limits.maxFailures) guard.lockedUntil = endOfWindow(guard, limits);
    }
    if (credential && pair && credential.failures >= limits.slowdownAfter) {
      const delay = Math.min(limits.maxSlowdownMs, 1000 * 2 ** (credential.failures - limits.slowdownAfter));
      const until = new Date(now.getTime() + delay);
      if (!pair.lockedUntil || pair.lockedUntil < until) pair.lockedUntil = until;
      // Once per credential and window: when it first crosses the threshold.
      if (credential.failures === limits.slowdownAfter) alert = 'SLOWED_DOWN';
    }
    if (credential && credential.failures === limits.attackThreshold) {
      credential.lockedUntil = new Date(now.getTime() + limits.attackLockMs);
      alert = 'ATTACK_LOCKED';
    }
  }
  for (const guard of guards) await saveGuard(manager, guard);
  if (alert && credential) limits.onAlert?.(alert, credential.key.startsWith('staff:') ? credential.key : credential.key.split(':')[0]);
  return alert;
}

export function saveGuard(manager: EntityManager, guard: LoginGuard): Promise<unknown> {
  const { windowStart, sends, failures, lockedUntil } = guard;
  return manager.update(LoginGuard, { key: guard.key }, { windowStart, sends, failures, lockedUntil });
}

const endOfWindow = (guard: LoginGuard, limits: GuardLimits) => new Date(guard.windowStart.getTime() + limits.windowMs);

/** Lifts a credential's attack lock and its count (an ADMIN's decision); answers whether one was locked. */
export async function liftCredentialLock(manager: EntityManager, own: string, now = new Date()): Promise<boolean> {
  const guard = await manager.findOne(LoginGuard, { where: { key: own }, lock: rowLock(manager) });
  if (!guard) return false;
  const wasLocked = guard.lockedUntil !== null && guard.lockedUntil.getTime() > now.getTime();
  Object.assign(guard, { failures: 0, lockedUntil: null });
  await saveGuard(manager, guard);
  return wasLocked;
}
