import type { DataSource } from 'typeorm';
import type { GrantTierRequest__Output } from '../../../../../proto/gen/membergraph/member/v1/GrantTierRequest';
import type { TierDecision } from '../../../../../proto/gen/membergraph/member/v1/TierDecision';
import { grantRewardTier } from '../../commands/grantRewardTier';
import { deliverWithTierChanges } from '../../commands/memberEvents';
import type { EventDelivery } from '../../ports';

/** The grant is in points' tier copy before the answer (delivered now), so the member's next earn has its γ. */
export async function grantTier(dataSource: DataSource, events: EventDelivery, request: GrantTierRequest__Output): Promise<TierDecision> {
  const decision = await grantRewardTier(dataSource, request);
  if (decision.changed) await deliverWithTierChanges((key) => events.deliverNow(key), decision.memberId);
  return decision;
}
