import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A partner brand of the alliance; its code is the partner its API keys name (member service). */
@Entity({ name: 'partner_brands' })
export class PartnerBrand {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
