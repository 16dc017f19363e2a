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
  private signer?: { value: Promise<Signer & { until: number }>; at: number };
  private published?: { value: Promise<{ keys: JWK[] }>; at: number };

  constructor(
    private readonly dataSource: DataSource,
    private readonly pii: PiiCipher,
  ) {}

  /** The key new tokens are signed with; the first call on an empty database creates one. */
  async active(now = Date.now()): Promise<Signer> {
    const cached = this.signer && now - this.signer.at <= CACHE_MS ? await this.signer.value.catch(() => undefined) : undefined;
    if (cached && now < cached.until) return cached;
    const value = this.loadActive(new Date(now));
    this.signer = { value, at: now };
    value.catch(() => (this.signer = undefined));
    return value;
  }

  /** The JWKS document: every key that signs, will sign, or may still have signed a live token. */
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
   * Rotates: a new key is published at once and signs from `activationDelayMs` on (every verifier's
   * cache has seen it by then); the keys it replaces stop signing then and stay published for
   * `overlapMs` more (at least the access-token lifetime). Answers the new key id.
   */
  async rotate(activationDelayMs: number, overlapMs: number, now = new Date()): Promise<string> {
    const activatesAt = new Date(now.getTime() + activationDelayMs);
    await this.dataSource
      .getRepository(SigningKey)
      .update({ retiresAt: IsNull() }, { retiresAt: new Date(activatesAt.getTime() + overlapMs) });
    const kid = await this.create(now, activatesAt);
    this.signer = undefined;
    this.published = undefined;
    return kid;
  }

  private async loadActive(now: Date): Promise<Signer & { until: number }> {
    const repo = this.dataSource.getRepository(SigningKey);
    const live = () =>
      repo.find({ where: [{ retiresAt: IsNull() }, { retiresAt: MoreThan(now) }], order: { activatesAt: 'DESC', kid: 'DESC' } });
    let keys = await live();
    if (keys.length === 0) {
      await this.create(now, now);
      keys = await live();
    }
    const signing = keys.find((key) => key.activatesAt.getTime() <= now.getTime()) ?? keys[keys.length - 1];
    // A pending key takes over at its activation time: the cached signer lasts until then at most.
    const next = keys.find((key) => key.activatesAt.getTime() > now.getTime());
    const jwk = JSON.parse(this.pii.decrypt(signing.privateJwkSealed)) as JWK;
    return {
      kid: signing.kid,
      key: (await importJWK(jwk, signing.alg)) as CryptoKey,
      until: next ? next.activatesAt.getTime() : Number.POSITIVE_INFINITY,
    };
  }

  private async loadPublished(now: Date): Promise<{ keys: JWK[] }> {
    const rows = await this.dataSource.getRepository(SigningKey).find({
      where: [{ retiresAt: IsNull() }, { retiresAt: MoreThan(now) }],
      order: { activatesAt: 'DESC' },
    });
    return { keys: rows.map((row) => JSON.parse(row.publicJwk) as JWK) };
  }

  private async create(now: Date, activatesAt: Date): Promise<string> {
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
      activatesAt,
      retiresAt: null,
    });
    return kid;
  }
}
