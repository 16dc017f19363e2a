import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many coupons of a template a member has been issued: one row per pair, raised by a guarded
 * UPDATE (… WHERE issued < limit), so the per-member limit holds under simultaneous issues.
 */
@Entity({ name: 'coupon_claims' })
export class CouponClaim {
  @PrimaryColumn({ name: 'template_code', type: 'varchar', length: 32 })
  templateCode: string;

  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'int' })
  issued: number;
}
