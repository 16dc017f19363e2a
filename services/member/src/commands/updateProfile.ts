import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, rowLock } from '../../../kit/src';
import { Member } from '../db/entities/Member';
import { planProfileUpdate, type ProfileInput } from '../domain/profile';
import { enqueueMemberEvent } from './memberEvents';

/**
 * Updates a member's profile under their row lock. The first time it is complete, the completion
 * bonus is announced in the same transaction and delivered after it (`deliverEvents` never throws:
 * the outbox retries).
 */
export async function updateProfile(
  dataSource: DataSource,
  deliverEvents: (memberId: string) => Promise<void>,
  input: { memberId: string; input: ProfileInput },
  now = new Date(),
): Promise<void> {
  const completedNow = await inTransaction(dataSource, async (manager) => {
    const member = await manager.findOne(Member, { where: { id: input.memberId }, lock: rowLock(manager) });
    if (!member) throw new DomainError('NOT_FOUND', `no member ${input.memberId}`, { field: 'memberId' });
    const plan = planProfileUpdate(member, input.input, now);
    await manager.update(Member, { id: member.id }, plan.changes);
    if (plan.completedNow) await enqueueMemberEvent(manager, 'member.profile_completed', member.id, now);
    return plan.completedNow;
  });
  if (completedNow) await deliverEvents(input.memberId);
}
