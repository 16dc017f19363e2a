import type { DataSource } from 'typeorm';
import type { RecordQualifyingActivitiesRequest__Output } from '../../../../../proto/gen/membergraph/member/v1/RecordQualifyingActivitiesRequest';
import type { RecordQualifyingActivitiesResponse } from '../../../../../proto/gen/membergraph/member/v1/RecordQualifyingActivitiesResponse';
import type { MilestoneHook } from '../../commands/milestones';
import { recordActivities, type TierRules } from '../../commands/recordActivity';
import { toReport } from './RecordQualifyingActivity';

export async function recordQualifyingActivities(
  dataSource: DataSource,
  onMilestone: MilestoneHook,
  request: RecordQualifyingActivitiesRequest__Output,
  rules: TierRules,
): Promise<RecordQualifyingActivitiesResponse> {
  const decisions = await recordActivities(dataSource, request.reports.map(toReport), onMilestone, new Date(), rules);
  return { decisions };
}
