import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { IsNull, type DataSource } from 'typeorm';
import { DomainError, inTransaction, type PiiCipher } from '../../../kit/src';
import { LoginCode } from '../db/entities/LoginCode';
import { normalizePhone } from '../domain/phone';
import { ensureGuards, guardKeys, lockGuards, maxSendsOf, saveGuard, settleTry, type GuardLimits } from './guards';

export interface LoginCodeOptions {
  pii: PiiCipher;
  limits: GuardLimits;
  /** How long a code is valid (seconds); 300 by default. */
  ttlSeconds: number;
}

/** The code's HMAC, bound to its row id: the table never holds a code an attacker could replay. */
const codeHash = (pii: PiiCipher, id: string, code: string) => pii.blindIndex(`login-code:${id}:${code}`);

/** A fresh 6-digit one-time code. */
export const randomLoginCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/**
 * Stores a one-time code for the phone (only its HMAC): at most `maxSends` an hour per phone and
 * per client address (TOO_MANY_REQUESTS beyond, nothing stored). Delivering it is the caller's.
 */
export async function storeLoginCode(
  dataSource: DataSource,
  options: LoginCodeOptions,
  phone: string,
  code: string,
  ip?: string,
): Promise<void> {
  const phoneIndex = options.pii.blindIndex(phone);
  const now = new Date();
  const keys = guardKeys(`phone:${phoneIndex}`, ip);
  await ensureGuards(dataSource, keys, now);
  await inTransaction(dataSource, async (manager) => {
    for (const guard of await lockGuards(manager, keys, options.limits, now)) {
      const allowed = maxSendsOf(guard.key, options.limits);
      if (guard.sends >= allowed) throw new DomainError('TOO_MANY_REQUESTS', `at most ${allowed} codes an hour; try again later`);
      guard.sends += 1;
      await saveGuard(manager, guard);
    }
    const id = randomUUID();
    await manager.insert(LoginCode, {
      id,
      phoneIndex,
      codeHash: codeHash(options.pii, id, code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + options.ttlSeconds * 1000),
      consumedAt: null,
    });
  });
}

/**
 * Checks a code against the newest one sent to the phone; a match consumes it (single use). A
 * wrong, expired or used code counts as a failure for the phone and the client address, and the
 * 10th failure in the hour locks both. The failure is committed even though the call fails, so
 * concurrent tries — or tries hidden as aliases in one document — are all counted.
 */
export async function verifyLoginCode(
  dataSource: DataSource,
  options: LoginCodeOptions,
  phoneInput: string,
  code: string,
  ip?: string,
): Promise<string> {
  const phone = normalizePhone(phoneInput);
  const phoneIndex = options.pii.blindIndex(phone);
  const now = new Date();
  const keys = guardKeys(`phone:${phoneIndex}`, ip);
  await ensureGuards(dataSource, keys, now);
  const accepted = await inTransaction(dataSource, async (manager) => {
    const guards = await lockGuards(manager, keys, options.limits, now);
    const latest = await manager.findOne(LoginCode, { where: { phoneIndex }, order: { createdAt: 'DESC', id: 'DESC' } });
    const given = Buffer.from(codeHash(options.pii, latest?.id ?? 'none', /^\d{6}$/.test(code) ? code : 'invalid'));
    const matches =
      latest !== null &&
      latest.consumedAt === null &&
      latest.expiresAt.getTime() > now.getTime() &&
      timingSafeEqual(given, Buffer.from(latest.codeHash));
    const consumed =
      matches && (await manager.update(LoginCode, { id: latest.id, consumedAt: IsNull() }, { consumedAt: now })).affected === 1;
    await settleTry(manager, guards, consumed, options.limits);
    return consumed;
  });
  if (!accepted) throw new DomainError('UNAUTHENTICATED', 'the code is wrong, expired or already used', { field: 'code' });
  return phone;
}
