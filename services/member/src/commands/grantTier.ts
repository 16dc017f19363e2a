import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, parseInstant, parseReason, rowLock } from '../../../kit/src';
import { Member } from '../db/entities/Member';
import { loadLadder } from '../db/ladder';
import { namedTier } from '../domain/tiers';
import { changeTier } from './changeTier';

/**
 * Staff put a member on a tier (until `expiresAt`, or until changed), recorded in the tier history
 * as GRANT with the staff's reason and name, under the member's row lock.
 */
export async function grantTier(
  dataSource: DataSource,
  input: { memberId: string; tierId: string; reason: string; expiresAt?: string | null },
  actor: string,
  now = new Date(),
): Promise<void> {
  const reason = parseReason(input.reason);
  const expiresAt = input.expiresAt == null ? null : parseInstant(input.expiresAt, 'expiresAt');
  if (expiresAt && expiresAt <= now) throw new DomainError('BAD_USER_INPUT', 'expiresAt must be in the future', { field: 'expiresAt' });
  await inTransaction(dataSource, async (manager) => {
    const member = await manager.findOne(Member, { where: { id: input.memberId }, lock: rowLock(manager) });
    if (!member) throw new DomainError('NOT_FOUND', `no member ${input.memberId}`, { field: 'memberId' });
    const tier = namedTier(await loadLadder(manager, now), input.tierId, 'tierId');
    await changeTier(manager, member, { toTier: tier.id, reason: 'GRANT', note: reason, actor, at: now, grantExpiresAt: expiresAt });
  });
}
