import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One read of a member's personal data by staff or a partner (PIPL): who, whose, what, why, when. */
@Entity({ name: 'pii_access_log' })
@Index('idx_pii_access_member', ['memberId', 'at'])
export class PiiAccess {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  actor: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'varchar', length: 255 })
  fields: string;

  @Column({ type: 'varchar', length: 255 })
  purpose: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
