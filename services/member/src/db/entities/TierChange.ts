import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One change of a member's tier, with why and when. Append-only: the member's tier history. */
@Entity({ name: 'tier_history' })
@Index('idx_tier_history_member', ['memberId', 'at'])
export class TierChange {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'from_tier', type: 'varchar', length: 32, nullable: true })
  fromTier: string | null;

  @Column({ name: 'to_tier', type: 'varchar', length: 32 })
  toTier: string;

  /** REGISTERED, UPGRADE, REEVALUATION, GRANT, GRANT_EXPIRED, MERGED, REFUND. */
  @Column({ type: 'varchar', length: 16 })
  reason: string;

  /** Whether the tier this change gave was EARNED or GRANTED by staff (a grant a merge carried over stays one). */
  @Column({ name: 'tier_source', type: 'varchar', length: 8, default: 'EARNED' })
  tierSource: 'EARNED' | 'GRANTED';

  @Column({ type: 'varchar', length: 255 })
  note: string;

  /** Who caused it: "system", or the staff member's id. */
  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
