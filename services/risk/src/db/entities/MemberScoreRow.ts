import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';

/** A member's latest scores (replaced by each scoring run). */
@Entity({ name: 'member_scores' })
export class MemberScoreRow {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'model_version', type: 'int' })
  modelVersion: number;

  /** YYYY-MM of the run. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  /** P(no order in the next 90 days). */
  @Column({ name: 'churn_probability', type: 'double' })
  churnProbability: number;

  /** 0–100. */
  @Column({ type: 'int' })
  health: number;

  /** In the win-back segment: health below 30. */
  @Column({ name: 'win_back', type: 'boolean' })
  winBack: boolean;

  @Column({ name: 'clv_simple_fen', type: 'bigint', transformer: bigintColumn })
  clvSimpleFen: number;

  @Column({ name: 'clv_model_fen', type: 'bigint', transformer: bigintColumn })
  clvModelFen: number;

  @Column({ name: 'probability_alive', type: 'double' })
  probabilityAlive: number;

  /** BG/NBD: expected orders in the next 52 weeks. */
  @Column({ name: 'expected_purchases', type: 'double' })
  expectedPurchases: number;

  @Column({ name: 'scored_at', type: 'datetime', precision: 3 })
  scoredAt: Date;
}
