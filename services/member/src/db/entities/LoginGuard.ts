import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Counters that limit code sends and wrong tries, per phone and per client address, over a
 * window; read under a row lock, so concurrent tries (or many aliases in one document) are
 * counted exactly.
 */
@Entity({ name: 'login_guards' })
export class LoginGuard {
  /** phone:<blind index>, staff:<username>, ip:<address>, or pair:<hash of a credential and an address>. */
  @PrimaryColumn({ name: 'guard_key', type: 'varchar', length: 100 })
  key: string;

  @Column({ name: 'window_start', type: 'datetime', precision: 3 })
  windowStart: Date;

  @Column({ type: 'int' })
  sends: number;

  @Column({ type: 'int' })
  failures: number;

  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true })
  lockedUntil: Date | null;
}
