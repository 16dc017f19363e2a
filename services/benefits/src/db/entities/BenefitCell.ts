import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Benefit } from './Benefit';

/**
 * One revision of one cell of the tier × benefit matrix: what a tier gets of a benefit from
 * `effectiveFrom` until the cell's next revision takes effect. Append-only, so the matrix as it
 * stood at any moment can be read back; a removal is a revision without a level.
 */
@Entity({ name: 'benefit_cells' })
@Index('uq_benefit_cells_revision', ['tierId', 'benefitCode', 'revision'], { unique: true })
export class BenefitCell {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'tier_id', type: 'varchar', length: 32 })
  tierId: string;

  @Column({ name: 'benefit_code', type: 'varchar', length: 32 })
  benefitCode: string;

  /** Loaded with the cell where a read needs the benefit's name, type and place (one statement). */
  @ManyToOne(() => Benefit, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'benefit_code', referencedColumnName: 'code' })
  benefit?: Relation<Benefit>; // Relation<>: Benefit and BenefitCell import each other

  /** 1, 2, …: unique per cell, so two simultaneous edits of one cell cannot both land. */
  @Column({ type: 'int' })
  revision: number;

  /** What the tier gets, e.g. "20% off"; null: from effectiveFrom the tier does not get the benefit. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  level: string | null;

  /** DISCOUNT benefits only: the percentage off that checkout applies (the level is its wording). */
  @Column({ name: 'discount_percent', type: 'int', nullable: true })
  discountPercent: number | null;

  @Column({ name: 'effective_from', type: 'datetime', precision: 3 })
  effectiveFrom: Date;

  /** Who made the revision (staff:<id>, or system for the seed) and why. */
  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ type: 'varchar', length: 255 })
  reason: string;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 })
  recordedAt: Date;
}
