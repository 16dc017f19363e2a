import type { DataSource } from 'typeorm';
import type { GrantMilestoneRewardRequest__Output } from '../../../../../proto/gen/membergraph/benefits/v1/GrantMilestoneRewardRequest';
import type { GrantMilestoneRewardResponse } from '../../../../../proto/gen/membergraph/benefits/v1/GrantMilestoneRewardResponse';
import { fromEpochMs } from '../../../../kit/src';
import { grantMilestoneReward } from '../../commands/grantMilestoneReward';
import type { MemberPort } from '../../ports';

/** The member service's outbox delivers each recorded milestone here; a repeat answers the first grant. */
export async function grantMilestoneRewardForPeer(
  dataSource: DataSource,
  member: MemberPort,
  request: GrantMilestoneRewardRequest__Output,
): Promise<GrantMilestoneRewardResponse> {
  const { grant, replayed } = await grantMilestoneReward(dataSource, member, {
    milestoneId: request.milestoneId,
    memberId: request.memberId,
    kind: request.kind,
    reachedAt: fromEpochMs(request.reachedAtEpochMs),
  });
  return { outcome: grant.outcome, couponId: grant.couponId ?? '', replayed };
}
