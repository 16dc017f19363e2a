import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Member } from '../db/entities/Member';
import { TierChange } from '../db/entities/TierChange';

export type TierChangeReason = 'UPGRADE' | 'REEVALUATION' | 'GRANT' | 'GRANT_EXPIRED' | 'MERGED' | 'REFUND' | 'INVITED';

/**
 * Moves a member to another tier and records why, in the caller's transaction. A GRANT is a staff
 * grant; a MERGED change keeps the source it is given (`tierSource`), so a grant copied by a merge
 * stays a grant with its expiry; every other change is earned.
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
  await manager.update(
    Member,
    { id: member.id },
    {
      tierId: change.toTier,
      tierSince: change.at,
      tierSource: granted ? 'GRANTED' : 'EARNED',
      grantExpiresAt: granted ? (change.grantExpiresAt ?? null) : null,
    },
  );
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
}
