import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The monthly re-evaluation of a model version on fresh data: once per version and month. */
@Entity({ name: 'risk_model_evaluations' })
export class ModelEvaluation {
  @PrimaryColumn({ type: 'int' })
  version: number;

  /** YYYY-MM. */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'double' })
  auc: number;

  @Column({ type: 'int' })
  members: number;

  @Column({ name: 'evaluated_at', type: 'datetime', precision: 3 })
  evaluatedAt: Date;
}
