import type { DataSource } from 'typeorm';
import type { GrantTierRequest__Output } from '../../../../../proto/gen/membergraph/member/v1/GrantTierRequest';
import type { TierDecision } from '../../../../../proto/gen/membergraph/member/v1/TierDecision';
import { grantRewardTier } from '../../commands/grantRewardTier';

export function grantTier(dataSource: DataSource, request: GrantTierRequest__Output): Promise<TierDecision> {
  return grantRewardTier(dataSource, request);
}
