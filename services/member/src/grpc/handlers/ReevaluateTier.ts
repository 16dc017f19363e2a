import type { DataSource } from 'typeorm';
import type { ReevaluateTierRequest__Output } from '../../../../../proto/gen/membergraph/member/v1/ReevaluateTierRequest';
import type { TierDecision } from '../../../../../proto/gen/membergraph/member/v1/TierDecision';
import type { MilestoneHook } from '../../commands/milestones';
import { reevaluateMember, type TierRules } from '../../commands/recordActivity';
import { toActivity } from './RecordQualifyingActivity';

export function reevaluateTier(
  dataSource: DataSource,
  onMilestone: MilestoneHook,
  request: ReevaluateTierRequest__Output,
  rules: TierRules,
): Promise<TierDecision> {
  return reevaluateMember(dataSource, toActivity(request.activity), request.cycle, onMilestone, new Date(), rules);
}
