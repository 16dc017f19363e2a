import type { DataSource, EntityManager } from 'typeorm';
import { findByPlainSql, outsideTransaction } from '../../../kit/src';
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
 * statement: a guarded upsert, so concurrent, repeated and late writes leave the highest version
 * whatever order they arrive in. MySQL assigns left to right: the version goes last, after the
 * columns that compare against the old one. Given an EntityManager, in its transaction; given the
 * DataSource, outside any (never inside another request's transaction on SQLite).
 */
export async function keepTierCopies(db: DataSource | EntityManager, copies: readonly TierCopy[], now = new Date()): Promise<void> {
  if (copies.length === 0) return;
  const source = 'connection' in db ? db.connection : db;
  const mysql = source.options.type === 'mysql';
  const parameters: Record<string, unknown> = {};
  const rows = copies.map((copy, i) => {
    Object.assign(parameters, {
      [`m${i}`]: copy.memberId,
      [`t${i}`]: copy.tierId,
      [`v${i}`]: copy.tierVersion,
      // Bound as 1/0: SQLite's driver binds no booleans.
      [`g${i}`]: copy.granted ? 1 : 0,
      [`e${i}`]: copy.granted ? copy.grantExpiresAt : null,
      [`u${i}`]: now,
    });
    return `(:m${i}, :t${i}, :v${i}, :g${i}, :e${i}, :u${i})`;
  });
  const table = source.getMetadata(MemberTierCopy).tableName;
  const newer = 'VALUES(tier_version) > tier_version';
  const onConflict = mysql
    ? `ON DUPLICATE KEY UPDATE ${['tier_id', 'granted', 'grant_expires_at', 'updated_at']
        .map((column) => `${column} = IF(${newer}, VALUES(${column}), ${column})`)
        .join(', ')}, tier_version = GREATEST(tier_version, VALUES(tier_version))`
    : `ON CONFLICT(member_id) DO UPDATE SET tier_id = excluded.tier_id, granted = excluded.granted,
         grant_expires_at = excluded.grant_expires_at, updated_at = excluded.updated_at, tier_version = excluded.tier_version
       WHERE excluded.tier_version > ${table}.tier_version`;
  const [sql, bound] = source.driver.escapeQueryWithParameters(
    `INSERT INTO ${table} (member_id, tier_id, tier_version, granted, grant_expires_at, updated_at) VALUES ${rows.join(', ')} ${onConflict}`,
    parameters,
    {},
  );
  // Given the DataSource, on its own: on SQLite's one connection a statement sent while another
  // request's transaction is open would join it and be lost with its rollback (outsideTransaction).
  if ('connection' in db) await db.query(sql, bound);
  else await outsideTransaction(db, (manager) => manager.query(sql, bound));
}
