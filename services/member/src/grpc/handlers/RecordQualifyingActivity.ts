import type { DataSource } from 'typeorm';
import type { QualifyingActivity__Output } from '../../../../../proto/gen/membergraph/member/v1/QualifyingActivity';
import type { RecordQualifyingActivityRequest__Output } from '../../../../../proto/gen/membergraph/member/v1/RecordQualifyingActivityRequest';
import type { TierDecision } from '../../../../../proto/gen/membergraph/member/v1/TierDecision';
import { DomainError, toEpochMs, toInt64 } from '../../../../kit/src';
import type { MilestoneHook } from '../../commands/milestones';
import { recordActivity, type Activity, type TierDecision as Decision, type TierRules } from '../../commands/recordActivity';
import type { EventDelivery } from '../../ports';
import { tierEventsKey } from '../../commands/memberEvents';

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

/** A decision on the wire, with the tier facts the caller's copy keeps. */
export function wireDecision(decision: Decision): TierDecision {
  return {
    memberId: decision.memberId,
    tierId: decision.tierId,
    changed: decision.changed,
    tierVersion: toInt64(decision.tierVersion),
    granted: decision.granted,
    grantExpiresEpochMs: decision.grantExpiresAt ? toEpochMs(decision.grantExpiresAt) : '0',
  };
}

/**
 * The answer carries the member's tier (with its version) for points' copy, so an upgrade is in
 * that copy at once; the tier change's own event goes out soon after, in the background (a repeat
 * of what the answer said, which the copy's version check ignores).
 */
export async function recordQualifyingActivity(
  dataSource: DataSource,
  onMilestone: MilestoneHook,
  events: EventDelivery,
  request: RecordQualifyingActivityRequest__Output,
  rules: TierRules,
): Promise<TierDecision> {
  const decision = await recordActivity(dataSource, toReport(request), onMilestone, new Date(), rules);
  if (decision.changed) events.deliverSoon(tierEventsKey(decision.memberId));
  return wireDecision(decision);
}
