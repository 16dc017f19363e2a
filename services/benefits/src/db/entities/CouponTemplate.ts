import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';

/** A coupon template (domain/couponTemplate.ts): what its coupons give, and what is left to issue. */
// No entity-level defaults: every insert writes every column (TypeORM would re-read defaulted ones).
@Entity({ name: 'coupon_templates' })
export class CouponTemplate {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ name: 'amount_fen', type: 'bigint', nullable: true, transformer: bigintColumn })
  amountFen: number | null;

  @Column({ name: 'percent_off', type: 'int', nullable: true })
  percentOff: number | null;

  @Column({ name: 'max_discount_fen', type: 'bigint', nullable: true, transformer: bigintColumn })
  maxDiscountFen: number | null;

  @Column({ name: 'min_spend_fen', type: 'bigint', transformer: bigintColumn })
  minSpendFen: number;

  @Column({ name: 'gift_sku', type: 'varchar', length: 64, nullable: true })
  giftSku: string | null;

  @Column({ name: 'valid_from', type: 'datetime', precision: 3, nullable: true })
  validFrom: Date | null;

  @Column({ name: 'valid_to', type: 'datetime', precision: 3, nullable: true })
  validTo: Date | null;

  @Column({ name: 'valid_days', type: 'int', nullable: true })
  validDays: number | null;

  @Column({ name: 'per_member_limit', type: 'int' })
  perMemberLimit: number;

  @Column({ type: 'int' })
  stock: number;

  /** Taken by a guarded UPDATE (… WHERE stock_left > 0), never read-then-written: no oversell. */
  @Column({ name: 'stock_left', type: 'int' })
  stockLeft: number;

  @Column({ name: 'budget_fen', type: 'bigint', nullable: true, transformer: bigintColumn })
  budgetFen: number | null;

  /** Lowered with the stock by each issue's face value, in the same guarded UPDATE. */
  @Column({ name: 'budget_left_fen', type: 'bigint', nullable: true, transformer: bigintColumn })
  budgetLeftFen: number | null;

  /** Empty: every channel. */
  @Column({ type: 'simple-array' })
  channels: string[];

  /** Empty: every store. */
  @Column({ type: 'simple-array' })
  stores: string[];

  @Column({ name: 'stack_group', type: 'varchar', length: 32, nullable: true })
  stackGroup: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
