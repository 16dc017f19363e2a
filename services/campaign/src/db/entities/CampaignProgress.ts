import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A member's progress in a TASK or CHECK_IN_STREAK campaign. */
@Entity({ name: 'campaign_progress' })
@Index('idx_campaign_progress_member', ['memberId'])
export class CampaignProgress {
  @PrimaryColumn({ name: 'campaign_id', type: 'varchar', length: 36 })
  campaignId: string;

  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'int', default: 0 })
  done: number;

  @Column({ type: 'int', default: 0 })
  streak: number;

  @Column({ name: 'last_day', type: 'varchar', length: 10, nullable: true })
  lastDay: string | null;

  @Column({ name: 'rewarded_at', type: 'datetime', precision: 3, nullable: true })
  rewardedAt: Date | null;
}
