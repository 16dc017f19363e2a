import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintColumn } from '../../../../kit/src';

/**
 * The points service's copy of a member's tier (the member service owns it): written by the
 * member's tier-change events (RecordMemberTiers) and by the member service's answers, read by an
 * earn so it need not ask. `tierVersion` grows with each change of the member's tier; a write with
 * a version not above the kept one changes nothing (db/memberTiers.ts), so events may come late or twice.
 */
@Entity({ name: 'member_tier_copies' })
export class MemberTierCopy {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'tier_id', type: 'varchar', length: 32 })
  tierId: string;

  @Column({ name: 'tier_version', type: 'bigint', transformer: bigintColumn })
  tierVersion: number;

  /** A staff grant: its end (null: none) makes the copy unusable from then on, until member says what follows. */
  @Column({ type: 'boolean' })
  granted: boolean;

  @Column({ name: 'grant_expires_at', type: 'datetime', precision: 3, nullable: true })
  grantExpiresAt: Date | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
