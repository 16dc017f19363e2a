import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A benefit of the catalogue, e.g. the member discount. */
@Entity({ name: 'benefits' })
export class Benefit {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;
}
