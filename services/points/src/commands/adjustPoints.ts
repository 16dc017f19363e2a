import type { DataSource } from 'typeorm';
import { DomainError, parseIdempotencyKey, parseReason } from '../../../kit/src';
import type { EarnRules } from './recordOrder';
import type { MemberPort } from '../ports';
import { moveMemberPoints } from './moveMemberPoints';
import type { MoveResult } from './movePoints';

/** A staff correction never moves more than this at once: a larger figure is a typo, not goodwill. */
const MAX_ADJUSTMENT = 1_000_000;

/**
 * Staff add or take points by hand, with a reason for the audit trail, once per idempotency key.
 * Points added form a lot that expires like earned points (never on a tier whose points never expire).
 */
export async function adjustPoints(
  dataSource: DataSource,
  member: Pick<MemberPort, 'getMemberTier'>,
  rules: EarnRules,
  input: { memberId: string; points: number; reason: string; idempotencyKey: string },
  actor: { name: string; subject: string },
  now?: Date,
): Promise<MoveResult> {
  if (!Number.isInteger(input.points) || input.points === 0 || Math.abs(input.points) > MAX_ADJUSTMENT) {
    throw new DomainError('BAD_USER_INPUT', 'points must be a non-zero whole number within ±1,000,000', { field: 'points' });
  }
  const reason = parseReason(input.reason);
  const key = parseIdempotencyKey(input.idempotencyKey);
  return moveMemberPoints(
    dataSource,
    member,
    rules,
    {
      memberId: input.memberId,
      points: input.points,
      entryType: 'ADJUST',
      source: 'STAFF',
      sourceRef: actor.subject,
      reason,
      idempotencyKey: `ADJUST:${key}`,
      actor: actor.name,
    },
    now,
  );
}
