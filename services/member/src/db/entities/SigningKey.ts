import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A key pair that signs access tokens. The newest active one signs; every key not yet retired is
 * published in the JWKS, so tokens signed before a rotation keep verifying until they expire.
 * The private half is stored sealed with the PII cipher, never in clear.
 */
@Entity({ name: 'signing_keys' })
export class SigningKey {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  kid: string;

  @Column({ type: 'varchar', length: 16 })
  alg: string;

  @Column({ name: 'public_jwk', type: 'text' })
  publicJwk: string;

  @Column({ name: 'private_jwk_enc', type: 'text' })
  privateJwkSealed: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  /** From when it signs: a new key is published first, so every verifier knows it before it meets it. */
  @Column({ name: 'activates_at', type: 'datetime', precision: 3 })
  activatesAt: Date;

  /** Set at rotation: from then on the key is no longer published. */
  @Column({ name: 'retires_at', type: 'datetime', precision: 3, nullable: true })
  retiresAt: Date | null;
}
