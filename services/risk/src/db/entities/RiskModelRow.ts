import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One training run's models (versions 1, 2, 3 …; the highest is in use), their parameters and fit report as JSON. */
@Entity({ name: 'risk_models' })
export class RiskModelRow {
  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ name: 'trained_at', type: 'datetime', precision: 3 })
  trainedAt: Date;

  /** The history the models were trained on ends here. */
  @Column({ name: 'as_of', type: 'datetime', precision: 3 })
  asOf: Date;

  @Column({ type: 'int' })
  seed: number;

  /** Members read for the run. */
  @Column({ type: 'int' })
  members: number;

  /** The churn model's held-out ROC-AUC. */
  @Column({ type: 'double' })
  auc: number;

  /** The churn model (LogisticModel) as JSON. */
  @Column({ type: 'text' })
  churn: string;

  /** BG/NBD and Gamma-Gamma parameters as JSON. */
  @Column({ type: 'text' })
  clv: string;

  /** { churn: ChurnReport, clv: ClvReport } as JSON. */
  @Column({ type: 'text' })
  report: string;

  @Column({ name: 'trained_by', type: 'varchar', length: 64 })
  trainedBy: string;

  @Column({ name: 'duration_ms', type: 'int' })
  durationMs: number;
}
