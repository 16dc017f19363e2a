import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The coupon template an occasion gives: a tier's birthday (BIRTHDAY:<tier id>) or a milestone of
 * the tier engine (FIRST_TOP_TIER, TWELFTH_PURCHASE). Staff set it; no row, no reward.
 */
@Entity({ name: 'occasion_rewards' })
export class OccasionReward {
  @PrimaryColumn({ type: 'varchar', length: 48 })
  occasion: string;

  @Column({ name: 'template_code', type: 'varchar', length: 32 })
  templateCode: string;

  @Column({ name: 'updated_by', type: 'varchar', length: 64 })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
