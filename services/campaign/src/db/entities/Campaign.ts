import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'campaigns' })
@Index('idx_campaigns_window', ['startsAt', 'endsAt'])
export class Campaign {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  /** Activity coefficient in thousandths (2.0 → 2000). */
  @Column({ name: 'coefficient_milli', type: 'int' })
  coefficientMilli: number;

  @Column({ name: 'starts_at', type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'datetime', precision: 3 })
  endsAt: Date;
}
