import type { DataSource } from 'typeorm';
import type { AwardCampaignPointsRequest__Output } from '../../../../../proto/gen/membergraph/points/v1/AwardCampaignPointsRequest';
import type { AwardResponse } from '../../../../../proto/gen/membergraph/points/v1/AwardResponse';
import { fromInt64, toInt64, type CallScope } from '../../../../kit/src';
import { awardCampaignPoints } from '../../commands/awardCampaignPoints';
import type { PointsRules } from '../../context';
import type { MemberPort } from '../../ports';

export async function awardCampaignPointsHandler(
  dataSource: DataSource,
  member: MemberPort,
  rules: PointsRules,
  request: AwardCampaignPointsRequest__Output,
  scope: CallScope,
): Promise<AwardResponse> {
  const result = await awardCampaignPoints(
    dataSource,
    member,
    rules,
    { memberId: request.memberId, points: fromInt64(request.points), reason: request.reason, idempotencyKey: request.idempotencyKey },
    new Date(),
    scope,
  );
  return { points: toInt64(result.points), balanceAfter: toInt64(result.balanceAfter), replayed: result.replayed };
}
