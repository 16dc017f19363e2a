import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';

/** One assessed action and its decision. Append-only. */
@Entity({ name: 'risk_events' })
@Index('idx_risk_events_member', ['memberId'])
export class RiskEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The caller's key: a retried Assess finds its first decision through this unique key. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 128, unique: true })
  idempotencyKey: string;

  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintColumn })
  amountFen: number;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  @Column({ type: 'varchar', length: 8 })
  decision: string;

  @Column({ type: 'varchar', length: 255 })
  reason: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
