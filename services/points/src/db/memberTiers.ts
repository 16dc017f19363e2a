import type { DataSource, EntityManager } from 'typeorm';
import { findByPlainSql, keepNewerRows } from '../../../kit/src';
import type { TierCopy } from '../ports';
import { MemberTierCopy } from './entities/MemberTierCopy';

/**
 * The version a merged-away member's copy is set to: above any real one, so no late event or
 * answer brings the copy back, and an earn for that member asks the member service (NOT_FOUND).
 */
export const MERGED_AWAY_VERSION = Number.MAX_SAFE_INTEGER;

/** The member's tier copy, or undefined (one read by primary key). */
export async function readTierCopy(db: DataSource | EntityManager, memberId: string): Promise<MemberTierCopy | undefined> {
  const [copy] = await findByPlainSql(db, MemberTierCopy, 'WHERE member_id = :memberId', { memberId });
  return copy;
}

/**
 * Keeps each copy whose version is above the one kept (a new member's first copy included), in one
 * statement (keepNewerRows), so concurrent, repeated and late writes leave the highest version
 * whatever order they arrive in. Given an EntityManager, in its transaction; given the DataSource,
 * outside any (never inside another request's transaction on SQLite).
 */
export async function keepTierCopies(db: DataSource | EntityManager, copies: readonly TierCopy[], now = new Date()): Promise<void> {
  const rows = copies.map((copy) => ({
    memberId: copy.memberId,
    tierId: copy.tierId,
    tierVersion: copy.tierVersion,
    granted: copy.granted,
    grantExpiresAt: copy.granted ? (copy.grantExpiresAt ?? null) : null,
    updatedAt: now,
  }));
  await keepNewerRows(db, MemberTierCopy, rows, { key: 'memberId', guard: 'tierVersion' });
}
