import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One cell of the tier × benefit matrix: what a tier gets of a benefit. */
@Entity({ name: 'tier_benefits' })
export class TierBenefit {
  @PrimaryColumn({ name: 'tier_id', type: 'varchar', length: 32 })
  tierId: string;

  @PrimaryColumn({ name: 'benefit_code', type: 'varchar', length: 32 })
  benefitCode: string;

  @Column({ type: 'varchar', length: 128 })
  level: string;

  /** Display order within a tier. */
  @Column({ type: 'int' })
  position: number;
}
