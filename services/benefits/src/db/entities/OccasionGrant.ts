import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What one occasion gave one member, once: the key is the occasion's own (BIRTHDAY:<year>:<member>
 * or MILESTONE:<milestone id>), so a job run twice, two replicas at once or an event delivered
 * again find the row and give nothing more. The coupon is issued under the same key, so even two
 * first attempts issue one coupon.
 */
@Entity({ name: 'occasion_grants' })
@Index('idx_occasion_grants_member', ['memberId'])
export class OccasionGrant {
  @PrimaryColumn({ name: 'grant_key', type: 'varchar', length: 96 })
  grantKey: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  /** BIRTHDAY:<tier id>, FIRST_TOP_TIER or TWELFTH_PURCHASE. */
  @Column({ type: 'varchar', length: 48 })
  occasion: string;

  /** ISSUED, NO_REWARD (none was set) or REFUSED (the template's stock, budget or limit was spent). */
  @Column({ type: 'varchar', length: 16 })
  outcome: string;

  @Column({ name: 'coupon_id', type: 'varchar', length: 36, nullable: true })
  couponId: string | null;

  /** REFUSED: why (OUT_OF_STOCK, …). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  reason: string | null;

  @Column({ name: 'granted_at', type: 'datetime', precision: 3 })
  grantedAt: Date;
}
