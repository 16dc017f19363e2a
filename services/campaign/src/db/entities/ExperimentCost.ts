import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';

/** Money spent on one group of an experiment (coupons, ads): once per idempotency key. */
@Entity({ name: 'experiment_costs' })
@Index('uq_experiment_costs_key', ['experimentId', 'idempotencyKey'], { unique: true })
export class ExperimentCost {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'experiment_id', type: 'varchar', length: 36 })
  experimentId: string;

  @Column({ name: 'variant_key', type: 'varchar', length: 32 })
  variantKey: string;

  @Column({ name: 'amount_fen', type: 'bigint', transformer: bigintColumn })
  amountFen: number;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 100 })
  idempotencyKey: string;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 })
  recordedAt: Date;

  @Column({ name: 'recorded_by', type: 'varchar', length: 64 })
  recordedBy: string;
}
