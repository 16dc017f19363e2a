import type { DataSource } from 'typeorm';
import type { AwardRequest__Output } from '../../../../../proto/gen/membergraph/points/v1/AwardRequest';
import type { AwardResponse } from '../../../../../proto/gen/membergraph/points/v1/AwardResponse';
import { DomainError } from '../../../../kit/src';
import { movePoints } from '../../commands/movePoints';
import type { PointsRules } from '../../context';
import { lotExpiry } from '../../domain/account';
import type { MemberClient } from '../clients/member';

const REASONS = { REGISTRATION: 'welcome bonus for registering', PROFILE_COMPLETION: 'bonus for completing the profile' } as const;

/** The bonus for a member event, once per member and kind (the key says so). */
export async function award(
  dataSource: DataSource,
  member: MemberClient,
  rules: PointsRules,
  request: AwardRequest__Output,
): Promise<AwardResponse> {
  const kind = request.kind as string;
  if (kind !== 'REGISTRATION' && kind !== 'PROFILE_COMPLETION')
    throw new DomainError('BAD_USER_INPUT', 'kind must be REGISTRATION or PROFILE_COMPLETION');
  if (!request.memberId) throw new DomainError('BAD_USER_INPUT', 'member_id is required');
  const points = kind === 'REGISTRATION' ? rules.registrationBonus : rules.profileCompletionBonus;
  if (points === 0) return { points: '0', balanceAfter: '0', replayed: false };
  const tier = (await member.getMemberTiers([request.memberId])).tiers[0];
  if (!tier) throw new DomainError('NOT_FOUND', `no member ${request.memberId}`);
  const now = new Date();
  const { entry, replayed } = await movePoints(
    dataSource,
    {
      memberId: request.memberId,
      points,
      entryType: 'EARN',
      source: kind === 'REGISTRATION' ? 'REGISTRATION' : 'PROFILE',
      sourceRef: request.memberId,
      reason: REASONS[kind],
      idempotencyKey: `AWARD:${kind}:${request.memberId}`,
      actor: 'service:member',
      lotExpiresAt: lotExpiry(now, rules, tier),
    },
    now,
  );
  return { points: String(entry.points), balanceAfter: String(entry.balanceAfter), replayed };
}
