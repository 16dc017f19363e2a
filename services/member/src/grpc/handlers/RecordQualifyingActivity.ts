import type { DataSource } from 'typeorm';
import type { QualifyingActivity__Output } from '../../../../../proto/gen/membergraph/member/v1/QualifyingActivity';
import type { RecordQualifyingActivityRequest__Output } from '../../../../../proto/gen/membergraph/member/v1/RecordQualifyingActivityRequest';
import type { TierDecision } from '../../../../../proto/gen/membergraph/member/v1/TierDecision';
import { DomainError } from '../../../../kit/src';
import type { MilestoneHook } from '../../commands/milestones';
import { recordActivity, type Activity, type TierRules } from '../../commands/recordActivity';

export function toActivity(activity: QualifyingActivity__Output | null): Activity {
  if (!activity) throw new DomainError('BAD_USER_INPUT', 'activity is required');
  return {
    memberId: activity.memberId,
    spendFen: Number(activity.spendFen),
    purchases: activity.purchases,
    asOf: new Date(Number(activity.asOfEpochMs)),
  };
}

/** A report as the command takes it: the activity and the instants of the refunded orders. */
export function toReport(request: RecordQualifyingActivityRequest__Output): Activity {
  const refundedOrdersAt = request.refundedOrdersAtEpochMs.map((ms) => new Date(Number(ms)));
  if (refundedOrdersAt.some((at) => Number.isNaN(at.getTime()) || at.getTime() <= 0))
    throw new DomainError('BAD_USER_INPUT', 'refunded_orders_at_epoch_ms must be instants');
  return { ...toActivity(request.activity), refundedOrdersAt };
}

export function recordQualifyingActivity(
  dataSource: DataSource,
  onMilestone: MilestoneHook,
  request: RecordQualifyingActivityRequest__Output,
  rules: TierRules,
): Promise<TierDecision> {
  return recordActivity(dataSource, toReport(request), onMilestone, new Date(), rules);
}
