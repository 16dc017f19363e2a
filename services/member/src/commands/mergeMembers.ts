import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, isUniqueViolation, parseReason, rowLock } from '../../../kit/src';
import { ChannelIdentity } from '../db/entities/ChannelIdentity';
import { Member } from '../db/entities/Member';
import { MemberMerge } from '../db/entities/MemberMerge';
import { loadLadder, tierById } from '../db/ladder';
import { changeTier } from './changeTier';
import { endGrantIfDue } from './endGrants';
import { enqueueMemberMerged } from './memberEvents';

/**
 * Staff merge a duplicate member (`source`) into the one that stays (`target`). The rules:
 * - the target keeps its id, phone and consents (a merge never widens a consent);
 * - profile fields the target lacks are taken from the source (with the source's guardian consent
 *   when its birthday comes along); a profile bonus already paid is not paid again;
 * - WeChat ids and POS cards of the source now sign in and look up the target;
 * - the target gets the higher of the two tiers (history reason MERGED) as the source held it: a
 *   staff grant stays a grant with its expiry (an expired one ends first), never becoming earned;
 * - the source stays as a tombstone pointing at the target (its phone signs in to the target),
 *   its sessions end, and it can be merged only once;
 * - its points, lots, orders and pending points move to the target in the points service, from
 *   the outbox (idempotent by the merge id), so nothing is lost if that service is down.
 * The member_merges row is the audit: who, whom into whom, why, when.
 */
export async function mergeMembers(
  dataSource: DataSource,
  input: { sourceId: string; targetId: string; reason: string },
  actor: string,
  now = new Date(),
): Promise<{ mergeId: string; target: string }> {
  const reason = parseReason(input.reason);
  if (input.sourceId === input.targetId)
    throw new DomainError('BAD_USER_INPUT', 'a member cannot be merged into itself', { field: 'targetId' });
  const mergeId = randomUUID();
  try {
    await inTransaction(dataSource, async (manager) => {
      const locked = new Map<string, Member>();
      for (const id of [input.sourceId, input.targetId].sort()) {
        const member = await manager.findOne(Member, { where: { id }, lock: rowLock(manager) });
        if (!member) throw new DomainError('NOT_FOUND', `no member ${id}`, { field: id === input.sourceId ? 'sourceId' : 'targetId' });
        if (member.mergedInto) throw new DomainError('CONFLICT', `member ${id} was already merged into another`);
        locked.set(id, member);
      }
      const source = locked.get(input.sourceId)!;
      const target = locked.get(input.targetId)!;
      const birthdayFromSource = !target.birthday && source.birthday !== null;
      await manager.update(
        Member,
        { id: target.id },
        {
          name: target.name ?? source.name,
          birthday: target.birthday ?? source.birthday,
          gender: target.gender ?? source.gender,
          email: target.email ?? source.email,
          guardianConsentAt: birthdayFromSource ? source.guardianConsentAt : target.guardianConsentAt,
          profileCompletedAt: target.profileCompletedAt ?? source.profileCompletedAt,
        },
      );
      await endGrantIfDue(manager, source, now);
      await endGrantIfDue(manager, target, now);
      const ladder = await loadLadder(manager, now);
      if (tierById(ladder, source.tierId).rank > tierById(ladder, target.tierId).rank) {
        await changeTier(manager, target, {
          toTier: source.tierId,
          reason: 'MERGED',
          note: `merged with member ${source.id}`,
          actor,
          at: now,
          tierSource: source.tierSource,
          grantExpiresAt: source.grantExpiresAt,
        });
      }
      await manager.update(ChannelIdentity, { memberId: source.id }, { memberId: target.id });
      await manager.update(Member, { id: source.id }, { mergedInto: target.id });
      await manager.insert(MemberMerge, {
        id: mergeId,
        sourceId: source.id,
        targetId: target.id,
        actor: actor.slice(0, 100),
        reason,
        at: now,
      });
      await enqueueMemberMerged(manager, { mergeId, sourceMemberId: source.id, targetMemberId: target.id }, now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', `member ${input.sourceId} was already merged into another`);
    throw error;
  }
  return { mergeId, target: input.targetId };
}
