import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A member exposed to an experiment, with the group the hash gave them: one row per experiment and
 * member (the primary key), so a repeated exposure or conversion counts once.
 */
@Entity({ name: 'experiment_participants' })
@Index('idx_experiment_participants_member', ['memberId'])
@Index('idx_experiment_participants_group', ['experimentId', 'variantKey'])
export class ExperimentParticipant {
  @PrimaryColumn({ name: 'experiment_id', type: 'varchar', length: 36 })
  experimentId: string;

  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'variant_key', type: 'varchar', length: 32 })
  variantKey: string;

  /** The channel of the first exposure. */
  @Column({ type: 'varchar', length: 16 })
  channel: string;

  @Column({ name: 'exposed_at', type: 'datetime', precision: 3 })
  exposedAt: Date;

  @Column({ name: 'converted_at', type: 'datetime', precision: 3, nullable: true })
  convertedAt: Date | null;
}
