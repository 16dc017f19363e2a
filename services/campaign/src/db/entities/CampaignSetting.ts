import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A programme-wide campaign setting staff changed (e.g. coefficient_combination); absent: the configured default. */
@Entity({ name: 'campaign_settings' })
export class CampaignSetting {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  value: string;

  @Column({ name: 'updated_by', type: 'varchar', length: 64 })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
