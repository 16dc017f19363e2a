import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull, type DataSource } from 'typeorm';
import { DomainError } from '../../../kit/src';
import { PartnerKey } from '../db/entities/PartnerKey';

const PARTNER = /^[a-z0-9][a-z0-9-]{1,63}$/;
const PREFIX = 'mgp_';

const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Issues an API key to a partner brand. The key is answered this once and stored only as its
 * SHA-256 (a 256-bit random key needs no slow hash), with its first characters to tell keys apart.
 */
export async function issuePartnerKey(
  dataSource: DataSource,
  partnerInput: string,
  createdBy: string,
): Promise<{ row: PartnerKey; key: string }> {
  const partner = partnerInput.trim().toLowerCase();
  if (!PARTNER.test(partner)) {
    throw new DomainError('BAD_USER_INPUT', 'partner must be 2–64 lower-case letters, digits or dashes', { field: 'partner' });
  }
  const key = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const row = Object.assign(new PartnerKey(), {
    id: randomUUID(),
    partner,
    keyHash: hashOf(key),
    prefix: key.slice(0, 12),
    createdBy: createdBy.slice(0, 64),
    createdAt: new Date(),
    revokedAt: null,
  });
  await dataSource.getRepository(PartnerKey).insert(row);
  return { row, key };
}

/** Revokes a key; the gateway stops accepting it within its cache time (PARTNER_KEY_CACHE_MS). */
export async function revokePartnerKey(dataSource: DataSource, id: string): Promise<boolean> {
  const done = await dataSource.getRepository(PartnerKey).update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
  if (done.affected === 1) return true;
  if (!(await dataSource.getRepository(PartnerKey).existsBy({ id })))
    throw new DomainError('NOT_FOUND', `no partner key ${id}`, { field: 'id' });
  return false;
}

/** The key's partner when it is known and not revoked. */
export async function verifyPartnerKey(dataSource: DataSource, key: string): Promise<{ keyId: string; partner: string } | null> {
  if (!key.startsWith(PREFIX) || key.length > 100) return null;
  const row = await dataSource.getRepository(PartnerKey).findOneBy({ keyHash: hashOf(key), revokedAt: IsNull() });
  return row ? { keyId: row.id, partner: row.partner } : null;
}
