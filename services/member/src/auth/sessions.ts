import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { IsNull, Not, type DataSource } from 'typeorm';
import { claimsOf, DomainError, inTransaction, TOKEN_ALG, TOKEN_AUDIENCE, TOKEN_ISSUER, type Identity } from '../../../kit/src';
import { RefreshToken } from '../db/entities/RefreshToken';
import type { SigningKeys } from './signingKeys';

export interface SessionTtl {
  /** Access-token lifetime (seconds): short, since an access token cannot be revoked. */
  accessSeconds: number;
  /** Refresh-token lifetime (seconds). */
  refreshSeconds: number;
}

export interface Session {
  /** Who the session is for. */
  identity: Identity;
  accessToken: string;
  /** When the access token expires (seconds from now). */
  expiresIn: number;
  refreshToken: string;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Access and refresh tokens. An access token is a short-lived JWT (ES256, `kid` in its header) the
 * gateway verifies against the published keys; a refresh token is an opaque random string (only its
 * hash stored) that rotates on every use and can be revoked.
 */
export class Sessions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: SigningKeys,
    private readonly ttl: SessionTtl,
  ) {}

  /** A new session (a new refresh-token family) for a signed-in identity. */
  async open(identity: Identity, now = new Date()): Promise<Session> {
    const { session, row } = await this.mint(identity, randomUUID(), now);
    await this.dataSource.getRepository(RefreshToken).insert(row);
    return session;
  }

  /**
   * Trades a refresh token for a new session of the same family. Each token works once: a token
   * used a second time was copied, so the whole family is revoked and both holders must sign in.
   * Two simultaneous uses are a reuse too: a guarded UPDATE lets exactly one mark the token used
   * (in the transaction that stores its successor) and answers a session, the other revokes the
   * family; a winner that finds its family revoked after storing the successor revokes the
   * successor too, so no refresh token of the family outlives the race on SQLite or MySQL.
   */
  async refresh(refreshToken: string, now = new Date()): Promise<Session> {
    const repo = this.dataSource.getRepository(RefreshToken);
    const row = await repo.findOneBy({ tokenHash: hashOf(refreshToken) });
    const refused = new DomainError('UNAUTHENTICATED', 'the refresh token is not valid; sign in again');
    if (!row || row.revokedAt || row.expiresAt.getTime() <= now.getTime()) throw refused;
    if (row.usedAt) {
      await this.revokeFamily(row.familyId, now); // a used token again: it was copied
      throw refused;
    }
    // Signed before the transaction, so the rows stay locked for two statements only.
    const next = await this.mint(JSON.parse(row.identity) as Identity, row.familyId, now);
    const won = await inTransaction(this.dataSource, async (manager) => {
      const used = await manager.update(RefreshToken, { id: row.id, usedAt: IsNull(), revokedAt: IsNull() }, { usedAt: now });
      if (used.affected !== 1) return false;
      await manager.insert(RefreshToken, next.row);
      return true;
    });
    if (!won) {
      await this.revokeFamily(row.familyId, now);
      throw refused;
    }
    // A revocation that raced this rotation (the loser of a simultaneous use, a logout) may have
    // missed the new row: it is revoked too. The winner keeps only its short-lived access token.
    if ((await repo.countBy({ familyId: row.familyId, revokedAt: Not(IsNull()) })) > 0) await this.revokeFamily(row.familyId, now);
    return next.session;
  }

  /** Logout: the refresh token's family is revoked (an unknown token changes nothing). */
  async revoke(refreshToken: string, now = new Date()): Promise<boolean> {
    const row = await this.dataSource.getRepository(RefreshToken).findOneBy({ tokenHash: hashOf(refreshToken) });
    if (!row) return false;
    await this.revokeFamily(row.familyId, now);
    return true;
  }

  /** Ends every session of a subject (a staff account disabled, a member merged away). */
  async revokeSubject(subject: string, now = new Date()): Promise<void> {
    await this.dataSource.getRepository(RefreshToken).update({ subject, revokedAt: IsNull() }, { revokedAt: now });
  }

  private async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.dataSource.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: now });
  }

  /** A session and the refresh-token row that stores it (not yet inserted). */
  private async mint(identity: Identity, familyId: string, now: Date): Promise<{ session: Session; row: RefreshToken }> {
    const signer = await this.keys.active(now.getTime());
    const issuedAt = Math.floor(now.getTime() / 1000);
    const accessToken = await new SignJWT({ ...claimsOf(identity) })
      .setProtectedHeader({ alg: TOKEN_ALG, kid: signer.kid, typ: 'JWT' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject(identity.subject!)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.ttl.accessSeconds)
      .sign(signer.key);
    const refreshToken = randomBytes(32).toString('base64url');
    const row = Object.assign(new RefreshToken(), {
      id: randomUUID(),
      tokenHash: hashOf(refreshToken),
      familyId,
      subject: identity.subject!,
      identity: JSON.stringify(identity),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.ttl.refreshSeconds * 1000),
      usedAt: null,
      revokedAt: null,
    });
    return { session: { identity, accessToken, expiresIn: this.ttl.accessSeconds, refreshToken }, row };
  }
}
