import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Member } from '../db/entities/Member';
import { TierChange } from '../db/entities/TierChange';
import { enqueueTierChanged } from './memberEvents';

export type TierChangeReason = 'UPGRADE' | 'REEVALUATION' | 'GRANT' | 'GRANT_EXPIRED' | 'MERGED' | 'REFUND' | 'INVITED';

/**
 * Moves a member to another tier and records why, in the caller's transaction. A GRANT is a staff
 * grant; a MERGED change keeps the source it is given (`tierSource`), so a grant copied by a merge
 * stays a grant with its expiry; every other change is earned. The one writer of a tier: it counts
 * the member's tier version up (the caller holds the member's row lock, so `member.tierVersion` is
 * current, and is kept so a second change in the transaction counts on from it) and announces the
 * new tier in the same transaction (the points service's copy, member.tier_changed).
 */
export async function changeTier(
  manager: EntityManager,
  member: Member,
  change: {
    toTier: string;
    reason: TierChangeReason;
    note: string;
    actor: string;
    at: Date;
    grantExpiresAt?: Date | null;
    tierSource?: 'EARNED' | 'GRANTED';
  },
): Promise<void> {
  const granted = change.reason === 'GRANT' || (change.reason === 'MERGED' && change.tierSource === 'GRANTED');
  const grantExpiresAt = granted ? (change.grantExpiresAt ?? null) : null;
  const tierVersion = Number(member.tierVersion ?? 0) + 1;
  await manager.update(
    Member,
    { id: member.id },
    {
      tierId: change.toTier,
      tierSince: change.at,
      tierSource: granted ? 'GRANTED' : 'EARNED',
      grantExpiresAt,
      tierVersion,
    },
  );
  member.tierVersion = tierVersion;
  await manager.insert(TierChange, {
    id: randomUUID(),
    memberId: member.id,
    fromTier: member.tierId,
    toTier: change.toTier,
    reason: change.reason,
    tierSource: granted ? 'GRANTED' : 'EARNED',
    note: change.note.slice(0, 255),
    actor: change.actor,
    at: change.at,
  });
  await enqueueTierChanged(manager, { memberId: member.id, tierId: change.toTier, tierVersion, granted, grantExpiresAt }, change.at);
}
