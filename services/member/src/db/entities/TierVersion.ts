import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';

/**
 * One version of a tier's definition, in force from `effectiveFrom` until a later version of the
 * same tier. Append-only: an edit adds a version and never rewrites what applied before.
 */
@Entity({ name: 'tier_versions' })
@Index('idx_tier_versions_tier', ['tierId', 'effectiveFrom'])
export class TierVersion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'tier_id', type: 'varchar', length: 32 })
  tierId: string;

  @Column({ name: 'effective_from', type: 'datetime', precision: 3 })
  effectiveFrom: Date;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ name: 'tier_rank', type: 'int' })
  rank: number;

  @Column({ name: 'spend_threshold_fen', type: 'bigint', transformer: bigintColumn })
  spendThresholdFen: number;

  @Column({ name: 'purchase_threshold', type: 'int' })
  purchaseThreshold: number;

  @Column({ type: 'varchar', length: 3 })
  rule: 'AND' | 'OR';

  @Column({ name: 'multiplier_milli', type: 'int' })
  multiplierMilli: number;

  @Column({ name: 'points_never_expire', type: 'boolean' })
  pointsNeverExpire: boolean;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ type: 'varchar', length: 255 })
  reason: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
