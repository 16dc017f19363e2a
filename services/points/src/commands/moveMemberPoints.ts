import type { DataSource } from 'typeorm';
import type { CallScope } from '../../../kit/src';
import { lotExpiry } from '../domain/account';
import type { MemberPort } from '../ports';
import type { EarnRules } from './recordOrder';
import { memberTier } from './memberTier';
import { movePoints, type MoveResult, type PointsMove } from './movePoints';

/**
 * A move of points outside an order (a bonus, a check-in, a staff adjustment) for a member the
 * member service knows (NOT_FOUND otherwise): points credited form a lot that expires as the
 * calendar says; whether the member's tier holds it is decided at expiry time.
 */
export async function moveMemberPoints(
  dataSource: DataSource,
  member: Pick<MemberPort, 'getMemberTier'>,
  rules: Pick<EarnRules, 'expiryMonths' | 'utcOffsetMinutes'>,
  move: Omit<PointsMove, 'lotExpiresAt'>,
  now: Date | undefined,
  scope?: CallScope,
): Promise<MoveResult> {
  // Asked also to refuse a member the member service does not know.
  await memberTier(member, move.memberId, scope);
  return movePoints(dataSource, { ...move, lotExpiresAt: lotExpiry(now ?? new Date(), rules) }, now);
}
