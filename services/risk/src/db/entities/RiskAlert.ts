import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AlertKind, AlertSeverity, AlertStatus } from '../../domain/models/alerts';

/** One alert in the staff inbox; (kind, subject, period) is unique, so a rerun raises nothing twice. */
@Entity({ name: 'risk_alerts' })
@Index('uq_risk_alerts_once', ['kind', 'subject', 'period'], { unique: true })
export class RiskAlert {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 24 })
  kind: AlertKind;

  /** A member id, "programme", or a model ("churn"). */
  @Column({ type: 'varchar', length: 64 })
  subject: string;

  /** YYYY-MM. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'varchar', length: 8 })
  severity: AlertSeverity;

  @Column({ type: 'varchar', length: 255 })
  detail: string;

  @Column({ type: 'varchar', length: 16 })
  status: AlertStatus;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'acknowledged_by', type: 'varchar', length: 64, nullable: true })
  acknowledgedBy: string | null;

  @Column({ name: 'acknowledged_at', type: 'datetime', precision: 3, nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'resolved_by', type: 'varchar', length: 64, nullable: true })
  resolvedBy: string | null;

  @Column({ name: 'resolved_at', type: 'datetime', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  resolution: string | null;
}
