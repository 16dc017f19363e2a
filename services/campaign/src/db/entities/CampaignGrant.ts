import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';

/** What one campaign granted for one order or action: unique by (campaign, ref), so a retry never spends twice. */
@Entity({ name: 'campaign_grants' })
@Index('uq_campaign_grants_ref', ['campaignId', 'grantRef'], { unique: true })
@Index('idx_campaign_grants_ref', ['grantRef'])
export class CampaignGrant {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'campaign_id', type: 'varchar', length: 36 })
  campaignId: string;

  @Column({ name: 'grant_ref', type: 'varchar', length: 100 })
  grantRef: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'bigint', transformer: bigintColumn })
  points: number;

  @Column({ type: 'int', default: 0 })
  coupons: number;

  /** Of `points`, what went back to the budget (a refunded order's proportion); never more than `points`. */
  @Column({ name: 'points_returned', type: 'bigint', default: 0, transformer: bigintColumn })
  pointsReturned: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
