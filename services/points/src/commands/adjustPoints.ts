import type { DataSource } from 'typeorm';
import { DomainError, parseIdempotencyKey, parseReason } from '../../../kit/src';
import type { EarnRules } from './recordOrder';
import { lotExpiry } from '../domain/account';
import type { MemberClient } from '../grpc/clients/member';
import { memberTier } from './memberTier';
import { movePoints, type MoveResult } from './movePoints';

/** A staff correction never moves more than this at once: a larger figure is a typo, not goodwill. */
const MAX_ADJUSTMENT = 1_000_000;

/**
 * Staff add or take points by hand, with a reason for the audit trail, once per idempotency key.
 * Points added form a lot that expires like earned points (never on a tier whose points never expire).
 */
export async function adjustPoints(
  dataSource: DataSource,
  member: Pick<MemberClient, 'getMemberTiers'>,
  rules: EarnRules,
  input: { memberId: string; points: number; reason: string; idempotencyKey: string },
  actor: { name: string; subject: string },
  now = new Date(),
): Promise<MoveResult> {
  if (!Number.isInteger(input.points) || input.points === 0 || Math.abs(input.points) > MAX_ADJUSTMENT) {
    throw new DomainError('BAD_USER_INPUT', 'points must be a non-zero whole number within ±1,000,000', { field: 'points' });
  }
  const reason = parseReason(input.reason);
  const key = parseIdempotencyKey(input.idempotencyKey);
  const tier = await memberTier(member, input.memberId);
  return movePoints(
    dataSource,
    {
      memberId: input.memberId,
      points: input.points,
      entryType: 'ADJUST',
      source: 'STAFF',
      sourceRef: actor.subject,
      reason,
      idempotencyKey: `ADJUST:${key}`,
      actor: actor.name,
      lotExpiresAt: lotExpiry(now, rules, tier),
    },
    now,
  );
}
