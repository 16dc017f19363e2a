import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A staff merge of two members: who merged whom into whom, why and when (the audit of it). */
@Entity({ name: 'member_merges' })
export class MemberMerge {
  /** Also the merge's idempotency key in the points service. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'source_id', type: 'varchar', length: 36, unique: true })
  sourceId: string;

  @Column({ name: 'target_id', type: 'varchar', length: 36 })
  targetId: string;

  @Column({ type: 'varchar', length: 100 })
  actor: string;

  @Column({ type: 'varchar', length: 255 })
  reason: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
