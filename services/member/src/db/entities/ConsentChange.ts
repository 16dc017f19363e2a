import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One consent given or withdrawn (PIPL: per purpose). Append-only: the member's consent history. */
@Entity({ name: 'consent_history' })
@Index('idx_consent_history_member', ['memberId', 'at'])
export class ConsentChange {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  /** MARKETING, ANALYTICS or PARTNER_SHARING (domain/consent.ts). */
  @Column({ type: 'varchar', length: 16 })
  purpose: string;

  @Column({ type: 'boolean' })
  granted: boolean;

  /** The channel it was given or withdrawn through (WEB, MINI_PROGRAM, POS, PARTNER; UNKNOWN before the history). */
  @Column({ type: 'varchar', length: 16 })
  channel: string;

  /** Who: the member (`member:<id>`) or the staff member who recorded a withdrawal (`staff:<id>`). */
  @Column({ type: 'varchar', length: 100 })
  actor: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
