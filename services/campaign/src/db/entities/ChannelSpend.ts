import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';

/** Acquisition spend on a channel for a month, recorded by operators; once per idempotency key. */
@Entity({ name: 'channel_spend' })
@Index('idx_channel_spend_month', ['month', 'channel'])
export class ChannelSpend {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  /** YYYY-MM of the programme's calendar. */
  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintColumn })
  amountFen: number;

  @Index('uq_channel_spend_key', { unique: true })
  @Column({ name: 'idempotency_key', type: 'varchar', length: 100 })
  idempotencyKey: string;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 })
  recordedAt: Date;

  @Column({ name: 'recorded_by', type: 'varchar', length: 64 })
  recordedBy: string;
}
