import type { DataSource, EntityManager } from 'typeorm';
import type { RungVersion } from '../domain/referralLadder';
import { ReferralRungVersion } from './entities/ReferralRungVersion';

/** Every version of every rung (one small table; the ladder at a moment is resolved in domain/referralLadder.ts). */
export function loadRungVersions(db: DataSource | EntityManager): Promise<ReferralRungVersion[]> {
  return db.getRepository(ReferralRungVersion).find({ order: { revision: 'ASC' } });
}

/** The ladder's versions as the domain reads them. */
export const asRungVersion = (row: ReferralRungVersion): RungVersion => ({
  revision: row.revision,
  rungId: row.rungId,
  friends: row.friends,
  reward: row.reward,
  couponTemplate: row.couponTemplate,
  points: row.points,
  tierId: row.tierId,
  inviteeToo: Boolean(row.inviteeToo),
  retired: Boolean(row.retired),
  effectiveFrom: row.effectiveFrom,
});
