import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';
import type { CampaignStatus, CampaignType } from '../../domain/newCampaign';

/** A JSON array of codes in a text column; null means "no restriction". */
const codeList = {
  to: (value: string[] | null | undefined) => (value == null ? null : JSON.stringify(value)),
  from: (value: string | null) => (value == null ? null : (JSON.parse(value) as string[])),
};

@Entity({ name: 'campaigns' })
@Index('idx_campaigns_window', ['startsAt', 'endsAt'])
export class Campaign {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Column({ type: 'varchar', length: 24, default: 'MULTIPLIER' })
  type: CampaignType;

  /** DRAFT or SCHEDULED as staff left it, ENDED when ended early; LIVE and ENDED also follow from the window (domain/lifecycle.ts). */
  @Column({ type: 'varchar', length: 16, default: 'SCHEDULED' })
  status: CampaignStatus;

  /** Activity coefficient in thousandths (2.0 → 2000); 1000 for campaigns that are not multipliers. */
  @Column({ name: 'coefficient_milli', type: 'int' })
  coefficientMilli: number;

  @Column({ name: 'starts_at', type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'datetime', precision: 3 })
  endsAt: Date;

  @Column({ name: 'target_tiers', type: 'text', nullable: true, transformer: codeList })
  targetTiers: string[] | null;

  @Column({ name: 'target_channels', type: 'text', nullable: true, transformer: codeList })
  targetChannels: string[] | null;

  @Column({ name: 'target_stores', type: 'text', nullable: true, transformer: codeList })
  targetStores: string[] | null;

  @Column({ name: 'target_segments', type: 'text', nullable: true, transformer: codeList })
  targetSegments: string[] | null;

  @Column({ name: 'require_marketing_consent', type: 'boolean', default: false })
  requireMarketingConsent: boolean;

  /** Points the campaign may grant in all (a multiplier: the extra points over coefficient 1.0); null: unlimited. */
  @Column({ name: 'budget_points', type: 'bigint', nullable: true, transformer: bigintColumn })
  budgetPoints: number | null;

  @Column({ name: 'spent_points', type: 'bigint', default: 0, transformer: bigintColumn })
  spentPoints: number;

  @Column({ name: 'budget_coupons', type: 'int', nullable: true })
  budgetCoupons: number | null;

  @Column({ name: 'spent_coupons', type: 'int', default: 0 })
  spentCoupons: number;

  /** BONUS: points per action; TASK and CHECK_IN_STREAK: points of the reward. */
  @Column({ name: 'bonus_points', type: 'int', nullable: true })
  bonusPoints: number | null;

  /** BONUS and TASK: the action that counts (CHECK_IN, PROFILE_COMPLETION, FIRST_MINI_PROGRAM_ORDER). */
  @Column({ name: 'task_action', type: 'varchar', length: 32, nullable: true })
  taskAction: string | null;

  /** TASK: actions to complete; CHECK_IN_STREAK: consecutive days. */
  @Column({ name: 'task_target', type: 'int', nullable: true })
  taskTarget: number | null;

  /** A coupon template the reward issues (benefits service), counted against budgetCoupons. */
  @Column({ name: 'reward_coupon_template', type: 'varchar', length: 32, nullable: true })
  rewardCouponTemplate: string | null;

  @Column({ name: 'ended_at', type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 64, nullable: true })
  createdBy: string | null;
}
