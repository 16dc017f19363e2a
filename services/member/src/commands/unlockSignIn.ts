import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, type PiiCipher } from '../../../kit/src';
import { liftCredentialLock } from '../auth/guards';
import { normalizePhone } from '../domain/phone';

/**
 * An ADMIN lifts the lock a proven attack put on one credential's sign-in (a staff username or a
 * phone) and clears its count; the addresses that failed keep their own locks for their hour.
 * Answers whether a lock was in force.
 */
export async function unlockSignIn(
  deps: { dataSource: DataSource; pii: PiiCipher },
  input: { username?: string | null; phone?: string | null },
): Promise<boolean> {
  const username = input.username?.trim().toLowerCase();
  if (Boolean(username) === Boolean(input.phone)) {
    throw new DomainError('BAD_USER_INPUT', 'give either a username or a phone', { field: username ? 'phone' : 'username' });
  }
  const own = username ? `staff:${username.slice(0, 64)}` : `phone:${deps.pii.blindIndex(normalizePhone(input.phone!))}`;
  return inTransaction(deps.dataSource, (manager) => liftCredentialLock(manager, own));
}
