import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'members' })
export class Member {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Normalised 11-digit mobile number; unique, so one phone is one member. */
  @Column({ type: 'varchar', length: 20, unique: true })
  phone: string;

  @Column({ name: 'registered_via', type: 'varchar', length: 16 })
  registeredVia: string;

  @Column({ name: 'tier_id', type: 'varchar', length: 32 })
  tierId: string;

  @Column({ name: 'registered_at', type: 'datetime', precision: 3 })
  registeredAt: Date;
}
