import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One risk rule (domain/rules.ts): its definition is JSON that parseRule accepted. */
@Entity({ name: 'risk_rules' })
export class RiskRuleRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 255 })
  description: string;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @Column({ type: 'varchar', length: 8 })
  outcome: 'REVIEW' | 'DENY';

  @Column({ type: 'int' })
  score: number;

  @Column({ type: 'text' })
  definition: string;

  /** Bumped by every edit, so a reviewer can tell which version of a rule decided. */
  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'updated_by', type: 'varchar', length: 64 })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
