import type { DataSource } from 'typeorm';
import { DomainError, type CallScope } from '../../../kit/src';
import type { MemberPort } from '../ports';
import type { PointsRules } from '../context';
import { moveMemberPoints } from './moveMemberPoints';

const REASONS = { REGISTRATION: 'welcome bonus for registering', PROFILE_COMPLETION: 'bonus for completing the profile' } as const;
export type BonusKind = keyof typeof REASONS;

/** The bonus for a member event (registration, a complete profile), once per member and kind: the key says so. */
export async function awardBonus(
  dataSource: DataSource,
  member: Pick<MemberPort, 'getMemberTier'>,
  rules: Pick<PointsRules, 'registrationBonus' | 'profileCompletionBonus' | 'expiryMonths' | 'utcOffsetMinutes'>,
  input: { memberId: string; kind: string },
  now?: Date,
  /** The member service's call when it asks over gRPC: its tier is asked within that call's deadline. */
  scope?: CallScope,
): Promise<{ points: number; balanceAfter: number; replayed: boolean }> {
  const kind = input.kind;
  if (kind !== 'REGISTRATION' && kind !== 'PROFILE_COMPLETION')
    throw new DomainError('BAD_USER_INPUT', 'kind must be REGISTRATION or PROFILE_COMPLETION');
  if (!input.memberId) throw new DomainError('BAD_USER_INPUT', 'member_id is required');
  const points = kind === 'REGISTRATION' ? rules.registrationBonus : rules.profileCompletionBonus;
  // A programme without this bonus answers zero: the member service's outbox must not retry forever.
  if (points === 0) return { points: 0, balanceAfter: 0, replayed: false };
  const { entry, replayed } = await moveMemberPoints(
    dataSource,
    member,
    rules,
    {
      memberId: input.memberId,
      points,
      entryType: 'EARN',
      source: kind === 'REGISTRATION' ? 'REGISTRATION' : 'PROFILE',
      sourceRef: input.memberId,
      reason: REASONS[kind],
      idempotencyKey: `AWARD:${kind}:${input.memberId}`,
      actor: 'service:member',
    },
    now,
    scope,
  );
  return { points: entry.points, balanceAfter: entry.balanceAfter, replayed };
}
