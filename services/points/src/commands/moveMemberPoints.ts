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
 * member's tier says (never on a tier whose points never expire).
 */
export async function moveMemberPoints(
  dataSource: DataSource,
  member: Pick<MemberPort, 'getMemberTier'>,
  rules: Pick<EarnRules, 'expiryMonths' | 'utcOffsetMinutes'>,
  move: Omit<PointsMove, 'lotExpiresAt'>,
  now: Date | undefined,
  scope?: CallScope,
): Promise<MoveResult> {
  const tier = await memberTier(member, move.memberId, scope);
  return movePoints(dataSource, { ...move, lotExpiresAt: lotExpiry(now ?? new Date(), rules, tier) }, now);
}
