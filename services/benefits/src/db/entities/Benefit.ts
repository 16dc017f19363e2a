import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import { BenefitCell } from './BenefitCell';

/** A benefit of the catalogue, e.g. the member discount. */
@Entity({ name: 'benefits' })
export class Benefit {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  /** One of BENEFIT_TYPES: what kind of entitlement it is, and so how checkout and ranking treat it. */
  @Column({ type: 'varchar', length: 32 })
  type: string;

  /** Display order in a tier's list. */
  @Column({ type: 'int' })
  position: number;

  /** The matrix cells of this benefit, loaded where a read needs the catalogue and the cells in one statement. */
  @OneToMany(() => BenefitCell, (cell) => cell.benefit)
  cells?: BenefitCell[];
}
