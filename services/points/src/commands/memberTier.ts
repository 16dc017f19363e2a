import { DomainError, type CallScope } from '../../../kit/src';
import type { MemberPort, MemberTier } from '../ports';

/** The member's tier as the member service has it now (or at `at`); NOT_FOUND for a member it does not know. */
export async function memberTier(
  member: Pick<MemberPort, 'getMemberTier'>,
  memberId: string,
  scope?: CallScope,
  at?: Date,
): Promise<MemberTier> {
  const tier = await member.getMemberTier(memberId, at, scope);
  if (!tier) throw new DomainError('NOT_FOUND', `no member ${memberId}`, { field: 'memberId' });
  return tier;
}
