import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member's health in one period (YYYY-MM): the history "falling for three periods" reads. */
@Entity({ name: 'member_health' })
export class MemberHealthRow {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @PrimaryColumn({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'int' })
  score: number;
}
