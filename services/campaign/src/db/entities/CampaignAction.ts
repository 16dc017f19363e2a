import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One action counted for one campaign and member: the primary key makes a redelivered action count once. */
@Entity({ name: 'campaign_actions' })
@Index('idx_campaign_actions_member', ['memberId', 'at'])
export class CampaignAction {
  @PrimaryColumn({ name: 'campaign_id', type: 'varchar', length: 36 })
  campaignId: string;

  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @PrimaryColumn({ name: 'action_ref', type: 'varchar', length: 64 })
  actionRef: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
