import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A transactional outbox row: written with the change it announces (a registration, a completed
 * profile), delivered to the points service afterwards and retried until it is.
 */
@Entity({ name: 'outbox' })
@Index('idx_outbox_pending', ['deliveredAt', 'createdAt'])
export class OutboxEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** member.registered, member.profile_completed. */
  @Column({ type: 'varchar', length: 32 })
  topic: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;
}
