import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Member } from '../db/entities/Member';
import { TierChange } from '../db/entities/TierChange';

export type TierChangeReason = 'UPGRADE' | 'REEVALUATION' | 'GRANT' | 'GRANT_EXPIRED' | 'MERGED';

/** Moves a member to another tier and records why, in the caller's transaction. */
export async function changeTier(
  manager: EntityManager,
  member: Member,
  change: { toTier: string; reason: TierChangeReason; note: string; actor: string; at: Date; grantExpiresAt?: Date | null },
): Promise<void> {
  const granted = change.reason === 'GRANT';
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
    note: change.note.slice(0, 255),
    actor: change.actor,
    at: change.at,
  });
}
