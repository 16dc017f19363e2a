import { DomainError } from '../../../kit/src';
import type { MemberClient } from '../grpc/clients/member';

/** The member's tier as the member service has it now; NOT_FOUND for a member it does not know. */
export async function memberTier(member: Pick<MemberClient, 'getMemberTiers'>, memberId: string) {
  const tier = (await member.getMemberTiers([memberId])).tiers.find((t) => t.memberId === memberId);
  if (!tier) throw new DomainError('NOT_FOUND', `no member ${memberId}`, { field: 'memberId' });
  return tier;
}
