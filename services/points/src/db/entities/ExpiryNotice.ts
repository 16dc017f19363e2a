import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A 30-day expiry notice sent: one per member and last day (the key makes it exactly once). */
@Entity({ name: 'points_expiry_notices' })
export class ExpiryNotice {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  /** The last day the points can be used, YYYY-MM-DD in the programme's time zone. */
  @PrimaryColumn({ name: 'expires_on', type: 'varchar', length: 10 })
  expiresOn: string;

  /** Points due to expire that day when the notice was sent. */
  @Column({ type: 'int' })
  points: number;

  @Column({ name: 'noticed_at', type: 'datetime', precision: 3 })
  noticedAt: Date;
}
