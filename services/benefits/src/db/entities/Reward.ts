import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RewardKind } from '../../domain/reward';

/** A reward of the points catalogue (積分商城): a coupon of a template, or goods, for a points price. */
// No entity-level defaults: every insert writes every column (TypeORM would re-read defaulted ones).
@Entity({ name: 'rewards' })
export class Reward {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: RewardKind;

  /** COUPON: the template the coupon is issued from. */
  @Column({ name: 'template_code', type: 'varchar', length: 32, nullable: true })
  templateCode: string | null;

  /** GOODS: the item a voucher is handed over for. */
  @Column({ name: 'goods_sku', type: 'varchar', length: 64, nullable: true })
  goodsSku: string | null;

  @Column({ name: 'points_price', type: 'int' })
  pointsPrice: number;

  /** Everything ever put in stock. */
  @Column({ type: 'int' })
  stock: number;

  /** Left to redeem: taken by a guarded UPDATE (… AND stock_left > 0), given back by a compensation. */
  @Column({ name: 'stock_left', type: 'int' })
  stockLeft: number;

  @Column({ name: 'per_member_limit', type: 'int' })
  perMemberLimit: number;

  /** JSON array of the tier ids that may redeem it; empty: every tier. */
  @Column({ type: 'text' })
  tiers: string;

  /** Staff take a reward off the catalogue by deactivating it; redemptions under way finish. */
  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 64 })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
