import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member's rating of a benefit, 1–10: one row per member and benefit (the key), updated when they rate it again. */
@Entity({ name: 'benefit_ratings' })
export class BenefitRating {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @PrimaryColumn({ name: 'benefit_code', type: 'varchar', length: 32 })
  benefitCode: string;

  @Column({ type: 'int' })
  score: number;

  @Column({ name: 'rated_at', type: 'datetime', precision: 3 })
  ratedAt: Date;

  /** How many times the member has rated it (1 for the first rating). */
  @Column({ type: 'int' })
  times: number;
}
