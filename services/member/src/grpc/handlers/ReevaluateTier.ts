import type { DataSource } from 'typeorm';
import type { ReevaluateTierRequest__Output } from '../../../../../proto/gen/membergraph/member/v1/ReevaluateTierRequest';
import type { TierDecision } from '../../../../../proto/gen/membergraph/member/v1/TierDecision';
import type { MilestoneHook } from '../../commands/milestones';
import { reevaluateMember, type TierRules } from '../../commands/recordActivity';
import type { EventDelivery } from '../../ports';
import { toActivity, wireDecision } from './RecordQualifyingActivity';
import { tierEventsKey } from '../../commands/memberEvents';

/** A step the job makes reaches points' tier copy soon after, in the background (member.tier_changed). */
export async function reevaluateTier(
  dataSource: DataSource,
  onMilestone: MilestoneHook,
  events: EventDelivery,
  request: ReevaluateTierRequest__Output,
  rules: TierRules,
): Promise<TierDecision> {
  const decision = await reevaluateMember(dataSource, toActivity(request.activity), request.cycle, onMilestone, new Date(), rules);
  if (decision.changed) events.deliverSoon(tierEventsKey(decision.memberId));
  return wireDecision(decision);
}
