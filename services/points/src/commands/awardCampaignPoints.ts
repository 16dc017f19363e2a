import type { DataSource } from 'typeorm';
import { DomainError, parseIdempotencyKey, parseReason, type CallScope } from '../../../kit/src';
import type { EarnRules } from './recordOrder';
import type { MemberPort } from '../ports';
import { moveMemberPoints } from './moveMemberPoints';

/**
 * Points a campaign grants (a referral ladder rung, a bonus, a task reward), once per the campaign
 * service's key: a retry with the same key and figures answers the first entry.
 */
export async function awardCampaignPoints(
  dataSource: DataSource,
  member: Pick<MemberPort, 'getMemberTier'>,
  rules: Pick<EarnRules, 'expiryMonths' | 'utcOffsetMinutes'>,
  input: { memberId: string; points: number; reason: string; idempotencyKey: string },
  now?: Date,
  scope?: CallScope,
): Promise<{ points: number; balanceAfter: number; replayed: boolean }> {
  if (!Number.isSafeInteger(input.points) || input.points <= 0)
    throw new DomainError('BAD_USER_INPUT', 'points must be a whole number above 0', { field: 'points' });
  const key = parseIdempotencyKey(input.idempotencyKey);
  const { entry, replayed } = await moveMemberPoints(
    dataSource,
    member,
    rules,
    {
      memberId: input.memberId,
      points: input.points,
      entryType: 'EARN',
      source: 'CAMPAIGN',
      sourceRef: key.slice(0, 64),
      reason: parseReason(input.reason),
      idempotencyKey: `CAMPAIGN:${key}`,
      actor: 'service:campaign',
    },
    now,
    scope,
  );
  return { points: entry.points, balanceAfter: entry.balanceAfter, replayed };
}
