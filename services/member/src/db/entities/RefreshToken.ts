import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A refresh token (only its SHA-256 is stored). Each use rotates it: the old one is marked used and
 * a new one of the same family issued. A used token presented again means it was stolen, so the
 * whole family is revoked; logout revokes the family too.
 */
@Entity({ name: 'refresh_tokens' })
@Index('idx_refresh_family', ['familyId'])
export class RefreshToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash: string;

  @Column({ name: 'family_id', type: 'varchar', length: 36 })
  familyId: string;

  @Column({ type: 'varchar', length: 64 })
  subject: string;

  /** The identity (JSON) the next access token is issued for. */
  @Column({ type: 'text' })
  identity: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
