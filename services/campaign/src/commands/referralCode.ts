import { In, type DataSource, type EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../../kit/src';
import { ReferralCode } from '../db/entities/ReferralCode';
import { newReferralCode } from '../domain/referral';

/** In the caller's transaction: a code for a member who has none (a new registration). */
export async function insertReferralCode(manager: EntityManager, memberId: string, now: Date): Promise<void> {
  if (await manager.findOneBy(ReferralCode, { memberId })) return;
  await manager.insert(ReferralCode, { memberId, code: newReferralCode(), createdAt: now });
}

/**
 * The codes of these members, giving one to any member who has none yet (registered before
 * referrals existed): the member id's primary key decides a race, and the loser reads the winner's.
 */
export async function ensureReferralCodes(
  dataSource: DataSource,
  memberIds: readonly string[],
  now = new Date(),
): Promise<Map<string, string>> {
  const repo = dataSource.getRepository(ReferralCode);
  const found = new Map((await repo.findBy({ memberId: In([...memberIds]) })).map((row) => [row.memberId, row.code]));
  for (const memberId of memberIds) {
    if (found.has(memberId)) continue;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const code = newReferralCode();
        await repo.insert({ memberId, code, createdAt: now });
        found.set(memberId, code);
        break;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const winner = await repo.findOneBy({ memberId });
        if (winner) {
          found.set(memberId, winner.code);
          break;
        }
        // A code taken by another member (1 in 8.5e11): draw again.
        if (attempt >= 5) throw error;
      }
    }
  }
  return found;
}

/** The member a code belongs to, or null. */
export async function ownerOfCode(db: DataSource | EntityManager, code: string | null): Promise<string | null> {
  if (!code) return null;
  return (await db.getRepository(ReferralCode).findOneBy({ code }))?.memberId ?? null;
}
