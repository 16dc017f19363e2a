import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An A/B experiment: its variants and holdout (weights in thousandths) and its state. */
@Entity({ name: 'experiments' })
export class Experiment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The operators' key, e.g. REG_OFFER_2026: what channels ask for a member's variant by. */
  @Index('uq_experiments_key', { unique: true })
  @Column({ name: 'experiment_key', type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  /** Salt of the assignment hash: fixed for the experiment's life, so a member never changes group. */
  @Column({ type: 'varchar', length: 64 })
  salt: string;

  @Column({ name: 'holdout_milli', type: 'int' })
  holdoutMilli: number;

  /** The variants as JSON ([{ key, name, weightMilli, control }]): fixed when created. */
  @Column({ type: 'text' })
  variants: string;

  @Column({ type: 'varchar', length: 8 })
  status: 'RUNNING' | 'STOPPED';

  /** Promoted when stopped: from then on everyone sees it. */
  @Column({ name: 'winner_key', type: 'varchar', length: 32, nullable: true })
  winnerKey: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'stopped_at', type: 'datetime', precision: 3, nullable: true })
  stoppedAt: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;
}
