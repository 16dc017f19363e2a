import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { DomainError } from '../../../kit/src';

const KEY_LENGTH = 32;
/** scrypt's cost (N = 2^15, r = 8): about 30 ms and 32 MiB a hash, so a stolen table is slow to crack. */
const COST: ScryptOptions = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function scrypt(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, KEY_LENGTH, COST, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Staff passwords: at least 12 characters (a passphrase), at most 128. */
export function validPassword(password: string): string {
  if (password.length < 12 || password.length > 128) {
    throw new DomainError('BAD_USER_INPUT', 'a password must be 12 to 128 characters', { field: 'password' });
  }
  return password;
}

/** scrypt$<salt>$<hash>, both base64url; a fresh random salt each time. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${(await scrypt(password, salt)).toString('base64url')}`;
}

/** Compares in constant time; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A hash no password matches, compared against for unknown usernames so timing does not tell them apart. */
export const DECOY_HASH = `scrypt$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(KEY_LENGTH).toString('base64url')}`;
