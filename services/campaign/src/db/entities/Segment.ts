import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A rule-based segment: its JSON rule (validated when defined) and its last recomputation. */
@Entity({ name: 'segments' })
export class Segment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('uq_segments_key', { unique: true })
  @Column({ name: 'segment_key', type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  /** The rule, normalised JSON (domain/segmentRules.ts). */
  @Column({ type: 'text' })
  rules: string;

  @Column({ name: 'member_count', type: 'int' })
  memberCount: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  /** When its members were last computed; null: not yet. */
  @Column({ name: 'computed_at', type: 'datetime', precision: 3, nullable: true })
  computedAt: Date | null;
}
