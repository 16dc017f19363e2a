import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, parseIdempotencyKey, parseReason, rowLock } from '../../../kit/src';
import { Member } from '../db/entities/Member';
import { TierChange } from '../db/entities/TierChange';
import { loadLadder } from '../db/ladder';
import { namedTier } from '../domain/tiers';
import { changeTier } from './changeTier';

/**
 * A campaign reward puts a member on a tier (the referral ladder's Gold), recorded as GRANT with
 * the campaign's key as actor, under the member's row lock. Once per key: the tier history row of
 * the first grant answers a retry. A reward only raises: a member already on that tier or a higher
 * one keeps theirs (changed = false).
 */
export async function grantRewardTier(
  dataSource: DataSource,
  input: { memberId: string; tierId: string; reason: string; idempotencyKey: string },
  now = new Date(),
): Promise<{ memberId: string; tierId: string; changed: boolean }> {
  const reason = parseReason(input.reason);
  const actor = `campaign:${parseIdempotencyKey(input.idempotencyKey)}`.slice(0, 64);
  return inTransaction(dataSource, async (manager) => {
    const member = await manager.findOne(Member, { where: { id: input.memberId }, lock: rowLock(manager) });
    if (!member) throw new DomainError('NOT_FOUND', `no member ${input.memberId}`, { field: 'memberId' });
    const done = await manager.findOneBy(TierChange, { memberId: member.id, reason: 'GRANT', actor });
    if (done) return { memberId: member.id, tierId: member.tierId, changed: false };
    const ladder = await loadLadder(manager, now);
    const tier = namedTier(ladder, input.tierId, 'tierId');
    const current = ladder.find((t) => t.id === member.tierId);
    if (current && current.rank >= tier.rank) return { memberId: member.id, tierId: member.tierId, changed: false };
    await changeTier(manager, member, { toTier: tier.id, reason: 'GRANT', note: reason, actor, at: now, grantExpiresAt: null });
    return { memberId: member.id, tierId: tier.id, changed: true };
  });
}
