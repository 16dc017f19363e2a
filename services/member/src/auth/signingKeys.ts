import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { IsNull, MoreThan, type DataSource } from 'typeorm';
import { TOKEN_ALG, type PiiCipher } from '../../../kit/src';
import { SigningKey } from '../db/entities/SigningKey';

/** How long the signer and the published key set are cached: replicas pick up a rotation within it. */
const CACHE_MS = 30_000;

export interface Signer {
  kid: string;
  key: CryptoKey;
}

/**
 * The keys access tokens are signed with, kept in the member database (private halves sealed with
 * the PII cipher) so every replica signs with the same key and a restart keeps sessions valid.
 * The newest key signs; a rotation publishes the new key at once and keeps the old ones published
 * until every token they signed has expired, so a rotation never logs anyone out.
 */
export class SigningKeys {
  private signer?: { value: Promise<Signer>; at: number };
  private published?: { value: Promise<{ keys: JWK[] }>; at: number };

  constructor(
    private readonly dataSource: DataSource,
    private readonly pii: PiiCipher,
  ) {}

  /** The key new tokens are signed with; the first call on an empty database creates one. */
  active(now = Date.now()): Promise<Signer> {
    if (!this.signer || now - this.signer.at > CACHE_MS) {
      const value = this.loadActive().catch((error: unknown) => {
        this.signer = undefined;
        throw error;
      });
      this.signer = { value, at: now };
    }
    return this.signer.value;
  }

  /** The JWKS document: every key that may still have signed a live token. */
  jwks(now = Date.now()): Promise<{ keys: JWK[] }> {
    if (!this.published || now - this.published.at > CACHE_MS) {
      const value = this.loadPublished(new Date(now)).catch((error: unknown) => {
        this.published = undefined;
        throw error;
      });
      this.published = { value, at: now };
    }
    return this.published.value;
  }

  /**
   * Starts signing with a new key; the keys it replaces stay published for `overlapMs` (at least
   * the access-token lifetime) and are dropped from the JWKS after that.
   */
  async rotate(overlapMs: number, now = new Date()): Promise<string> {
    const repo = this.dataSource.getRepository(SigningKey);
    await repo.update({ retiresAt: IsNull() }, { retiresAt: new Date(now.getTime() + overlapMs) });
    const kid = await this.create(now);
    this.signer = undefined;
    this.published = undefined;
    return kid;
  }

  private async loadActive(): Promise<Signer> {
    const repo = this.dataSource.getRepository(SigningKey);
    let row = await repo.findOne({ where: { retiresAt: IsNull() }, order: { createdAt: 'DESC', kid: 'DESC' } });
    if (!row) {
      await this.create(new Date());
      row = await repo.findOneOrFail({ where: { retiresAt: IsNull() }, order: { createdAt: 'DESC', kid: 'DESC' } });
    }
    const jwk = JSON.parse(this.pii.decrypt(row.privateJwkSealed)) as JWK;
    return { kid: row.kid, key: (await importJWK(jwk, row.alg)) as CryptoKey };
  }

  private async loadPublished(now: Date): Promise<{ keys: JWK[] }> {
    const rows = await this.dataSource.getRepository(SigningKey).find({
      where: [{ retiresAt: IsNull() }, { retiresAt: MoreThan(now) }],
      order: { createdAt: 'DESC' },
    });
    return { keys: rows.map((row) => JSON.parse(row.publicJwk) as JWK) };
  }

  private async create(now: Date): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair(TOKEN_ALG, { extractable: true });
    const kid = `${now.toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: TOKEN_ALG, use: 'sig' };
    const privateJwk = await exportJWK(privateKey);
    await this.dataSource.getRepository(SigningKey).insert({
      kid,
      alg: TOKEN_ALG,
      publicJwk: JSON.stringify(publicJwk),
      privateJwkSealed: this.pii.encrypt(JSON.stringify(privateJwk)),
      createdAt: now,
      retiresAt: null,
    });
    return kid;
  }
}
