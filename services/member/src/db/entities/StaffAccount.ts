import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member of the brand's staff who signs in to the console or a POS. */
@Entity({ name: 'staff_accounts' })
export class StaffAccount {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  /** scrypt$<salt>$<hash>, see domain/password.ts. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  /** Comma-separated: ADMIN, OPERATOR, ANALYST, SERVICE_AGENT. */
  @Column({ type: 'varchar', length: 128 })
  roles: string;

  /** The store a POS account works at. */
  @Column({ name: 'store_id', type: 'varchar', length: 32, nullable: true })
  storeId: string | null;

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
