import type { DataSource } from 'typeorm';
import type { RecordQualifyingActivitiesRequest__Output } from '../../../../../proto/gen/membergraph/member/v1/RecordQualifyingActivitiesRequest';
import type { RecordQualifyingActivitiesResponse } from '../../../../../proto/gen/membergraph/member/v1/RecordQualifyingActivitiesResponse';
import type { MilestoneHook } from '../../commands/milestones';
import { recordActivities, type TierRules } from '../../commands/recordActivity';
import { tierEventsKey } from '../../commands/memberEvents';
import type { EventDelivery } from '../../ports';
import { toReport, wireDecision } from './RecordQualifyingActivity';

/** As RecordQualifyingActivity for many members: each answer carries the tier facts for points' copy, and each tier changed is announced soon after. */
export async function recordQualifyingActivities(
  dataSource: DataSource,
  onMilestone: MilestoneHook,
  events: EventDelivery,
  request: RecordQualifyingActivitiesRequest__Output,
  rules: TierRules,
): Promise<RecordQualifyingActivitiesResponse> {
  const decisions = await recordActivities(dataSource, request.reports.map(toReport), onMilestone, new Date(), rules);
  for (const decision of decisions) if (decision.changed) events.deliverSoon(tierEventsKey(decision.memberId));
  return { decisions: decisions.map(wireDecision) };
}
