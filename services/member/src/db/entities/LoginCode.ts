import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A one-time login code sent by SMS: stored as an HMAC, single use, short-lived. */
@Entity({ name: 'login_codes' })
@Index('idx_login_codes_phone', ['phoneIndex', 'createdAt'])
export class LoginCode {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The phone's blind index (the phone itself is never stored in clear). */
  @Column({ name: 'phone_index', type: 'varchar', length: 64 })
  phoneIndex: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'consumed_at', type: 'datetime', precision: 3, nullable: true })
  consumedAt: Date | null;
}
