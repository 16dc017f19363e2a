import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintColumn, type Channel } from '../../../../kit/src';
import type { Gender } from '../../domain/profile';

@Entity({ name: 'members' })
export class Member {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The normalised mobile number, encrypted (kit/pii.ts); the database never holds it in clear. */
  @Column({ name: 'phone_enc', type: 'text' })
  phoneEnc: string;

  /** HMAC blind index of the number: unique, so one phone is one member, and searchable. */
  @Index('uq_members_phone_index', { unique: true })
  @Column({ name: 'phone_index', type: 'varchar', length: 64 })
  phoneIndex: string;

  @Column({ name: 'registered_via', type: 'varchar', length: 16 })
  registeredVia: Channel;

  @Column({ name: 'tier_id', type: 'varchar', length: 32 })
  tierId: string;

  @Column({ name: 'registered_at', type: 'datetime', precision: 3 })
  registeredAt: Date;

  @Column({ name: 'tier_since', type: 'datetime', precision: 3, nullable: true })
  tierSince: Date | null;

  /** EARNED by activity, or GRANTED by staff until grantExpiresAt. */
  @Column({ name: 'tier_source', type: 'varchar', length: 8, default: 'EARNED' })
  tierSource: 'EARNED' | 'GRANTED';

  @Column({ name: 'grant_expires_at', type: 'datetime', precision: 3, nullable: true })
  grantExpiresAt: Date | null;

  /**
   * Grows by one with each tier change (changeTier, under the member's row lock): the version the
   * points service's copy of the tier keeps, so a late or repeated announcement never overwrites a newer one.
   */
  @Column({ name: 'tier_version', type: 'bigint', transformer: bigintColumn, default: 0 })
  tierVersion: number;

  /** Latest qualifying activity reported by the points service (rolling 12 months). */
  @Column({ name: 'spend_12m_fen', type: 'bigint', transformer: bigintColumn, default: 0 })
  spend12mFen: number;

  @Column({ name: 'purchases_12m', type: 'int', default: 0 })
  purchases12m: number;

  @Column({ name: 'activity_as_of', type: 'datetime', precision: 3, nullable: true })
  activityAsOf: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  name: string | null;

  /** YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  birthday: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  gender: Gender | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** When the profile was first complete (its bonus is announced once). */
  @Column({ name: 'profile_completed_at', type: 'datetime', precision: 3, nullable: true })
  profileCompletedAt: Date | null;

  /** The last yearly re-evaluation cycle applied, so a re-run never steps down twice. */
  @Column({ name: 'reevaluated_cycle', type: 'varchar', length: 8, default: '' })
  reevaluatedCycle: string;

  /** When the member consented to partner brands seeing their masked data; null: no consent. */
  @Column({ name: 'partner_sharing_at', type: 'datetime', precision: 3, nullable: true })
  partnerSharingAt: Date | null;

  /** When the member consented to marketing (campaigns, offers); null: no consent (opt-in). */
  @Column({ name: 'marketing_consent_at', type: 'datetime', precision: 3, nullable: true })
  marketingConsentAt: Date | null;

  /** When the member consented to analytics on their data (segments, models); null: no consent (opt-in). */
  @Column({ name: 'analytics_consent_at', type: 'datetime', precision: 3, nullable: true })
  analyticsConsentAt: Date | null;

  /** When a guardian consented for a member under 14 (PIPL sensitive data). */
  @Column({ name: 'guardian_consent_at', type: 'datetime', precision: 3, nullable: true })
  guardianConsentAt: Date | null;

  /** Set when staff merged this member into another: a tombstone pointing at the survivor. */
  @Column({ name: 'merged_into', type: 'varchar', length: 36, nullable: true })
  mergedInto: string | null;
}
