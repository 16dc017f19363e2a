import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';

/** The coupons an order used: one row per order number, so an order redeems once however often it is sent. */
@Entity({ name: 'coupon_redemptions' })
export class CouponRedemption {
  @PrimaryColumn({ name: 'order_no', type: 'varchar', length: 64 })
  orderNo: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  /** The coupons in the order they were applied. */
  @Column({ name: 'coupon_ids', type: 'simple-array' })
  couponIds: string[];

  @Column({ name: 'subtotal_fen', type: 'bigint', transformer: bigintColumn })
  subtotalFen: number;

  /** Tier discount and coupons together. */
  @Column({ name: 'discount_fen', type: 'bigint', transformer: bigintColumn })
  discountFen: number;

  @Column({ name: 'payable_fen', type: 'bigint', transformer: bigintColumn })
  payableFen: number;

  /** The plan's discount lines as JSON (domain DiscountLine[]), so a retry answers what was charged. */
  @Column({ type: 'text' })
  lines: string;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  store: string | null;

  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ name: 'redeemed_at', type: 'datetime', precision: 3 })
  redeemedAt: Date;

  /** The refund that gave the coupons back (once per order). */
  @Column({ name: 'refund_no', type: 'varchar', length: 64, nullable: true })
  refundNo: string | null;

  /** The coupons the refund gave back: those still valid then (an expired one stays used). */
  @Column({ name: 'restored_coupon_ids', type: 'simple-array' })
  restoredCouponIds: string[];

  @Column({ name: 'restored_at', type: 'datetime', precision: 3, nullable: true })
  restoredAt: Date | null;
}
