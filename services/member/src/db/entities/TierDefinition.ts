import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';

@Entity({ name: 'tier_definitions' })
export class TierDefinition {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ name: 'tier_rank', type: 'int', unique: true })
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
}
