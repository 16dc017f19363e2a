import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The coefficient answered for one order: a retried earn is answered the same, spending nothing again. */
@Entity({ name: 'earn_boosts' })
export class EarnBoost {
  @PrimaryColumn({ name: 'order_ref', type: 'varchar', length: 100 })
  orderRef: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'coefficient_milli', type: 'int' })
  coefficientMilli: number;

  /** JSON array of the campaigns applied. */
  @Column({ name: 'campaign_ids', type: 'text' })
  campaignIds: string;

  /** Names this reservation: a refused earn returns the one it was answered, never a newer one for the same order. */
  @Column({ name: 'reservation_id', type: 'varchar', length: 36, nullable: true })
  reservationId: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
