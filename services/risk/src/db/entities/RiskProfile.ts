import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member's current risk level; members without a row are LOW. */
@Entity({ name: 'risk_profiles' })
export class RiskProfile {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'varchar', length: 8 })
  level: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
