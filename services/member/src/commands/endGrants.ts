import { In, LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { inTransaction, rowLock } from '../../../kit/src';
import { Member } from '../db/entities/Member';
import { TierChange } from '../db/entities/TierChange';
import { loadLadder, tierById } from '../db/ladder';
import { qualifyingTier } from '../domain/tierEngine';
import { changeTier } from './changeTier';

const BATCH = 200;

/** A staff grant with an expiry that has passed (a grant without one lasts until changed). */
export function grantEnded(member: Pick<Member, 'tierSource' | 'grantExpiresAt'>, now: Date): boolean {
  return member.tierSource === 'GRANTED' && member.grantExpiresAt !== null && member.grantExpiresAt.getTime() <= now.getTime();
}

/**
 * Ends one member's expired grant in the caller's transaction (the member row locked): back to
 * the tier held before the grant — a grant never costs a member the tier they had earned — or
 * higher when their 12 months now qualify for more. Answers the tier they hold afterwards.
 */
export async function endGrant(manager: EntityManager, member: Member, now: Date): Promise<string> {
  const history = await manager.find(TierChange, { where: { memberId: member.id }, order: { at: 'DESC', id: 'DESC' }, take: 20 });
  let beforeGrant: string | null = null;
  // Back over every change that gave a granted tier (a GRANT, or a MERGED that carried one over).
  for (const change of history) {
    if (change.tierSource !== 'GRANTED') break;
    beforeGrant = change.fromTier;
  }
  const ladder = await loadLadder(manager, now);
  const earned = tierById(ladder, beforeGrant ?? ladder[0].id);
  const qualified = qualifyingTier(ladder, { spendFen: member.spend12mFen, purchases: member.purchases12m });
  const target = qualified.rank > earned.rank ? qualified : earned;
  await changeTier(manager, member, { toTier: target.id, reason: 'GRANT_EXPIRED', note: 'staff grant expired', actor: 'system', at: now });
  return target.id;
}

/** Ends the locked member's grant if it has expired, and updates the row object to match. */
export async function endGrantIfDue(manager: EntityManager, member: Member, now: Date): Promise<void> {
  if (!grantEnded(member, now)) return;
  const tierId = await endGrant(manager, member, now);
  Object.assign(member, { tierId, tierSince: now, tierSource: 'EARNED', grantExpiresAt: null });
}

/**
 * Ends every expired grant (of `memberIds` only, when given), each in its own transaction under
 * the member's row lock, so a grant ends exactly once however many callers race. Answers how many ended.
 */
export async function endExpiredGrants(dataSource: DataSource, now = new Date(), memberIds?: readonly string[]): Promise<number> {
  let ended = 0;
  for (;;) {
    const due = await dataSource.getRepository(Member).find({
      select: { id: true },
      where: { tierSource: 'GRANTED', grantExpiresAt: LessThanOrEqual(now), ...(memberIds ? { id: In([...memberIds]) } : {}) },
      take: BATCH,
    });
    for (const { id } of due) {
      const done = await inTransaction(dataSource, async (manager) => {
        const member = await manager.findOne(Member, { where: { id }, lock: rowLock(manager) });
        if (!member || !grantEnded(member, now)) return false;
        await endGrant(manager, member, now);
        return true;
      });
      if (done) ended += 1;
    }
    if (due.length < BATCH) return ended;
  }
}

/**
 * Reads members with `read`, and when any of them holds a grant past its expiry, ends those grants
 * first and reads again: every channel sees a grant end at its expiry, not at the next sweep.
 */
export async function readWithGrantsEnded<T extends Pick<Member, 'id' | 'tierSource' | 'grantExpiresAt'>>(
  dataSource: DataSource,
  read: () => Promise<T[]>,
  now = new Date(),
): Promise<T[]> {
  const members = await read();
  const ended = members.filter((m) => grantEnded(m, now)).map((m) => m.id);
  if (ended.length === 0) return members;
  await endExpiredGrants(dataSource, now, ended);
  return read();
}
