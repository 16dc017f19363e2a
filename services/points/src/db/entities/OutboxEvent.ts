import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A transactional outbox row: written in the same transaction as the change it announces, so an
 * acknowledged order can never miss its tier update; delivered (and marked) afterwards, retried
 * by the dispatcher until the member service has it.
 */
// Columns carry no entity-level defaults (the migrations keep the database's): every insert writes
// every value, and TypeORM would otherwise re-read defaulted columns after each insert.
@Entity({ name: 'outbox' })
@Index('idx_outbox_pending', ['deliveredAt', 'createdAt'])
export class OutboxEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** tier.activity: the member's qualifying activity changed. */
  @Column({ type: 'varchar', length: 32 })
  topic: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'int' })
  attempts: number;
}
