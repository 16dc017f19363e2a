import type { DataSource } from 'typeorm';
import type { AwardRequest__Output } from '../../../../../proto/gen/membergraph/points/v1/AwardRequest';
import type { AwardResponse } from '../../../../../proto/gen/membergraph/points/v1/AwardResponse';
import { toInt64, type CallScope } from '../../../../kit/src';
import { awardBonus } from '../../commands/awardBonus';
import type { PointsRules } from '../../context';
import type { MemberPort } from '../../ports';

/** The bonus for a member event, once per member and kind; the member service waits, so its tier is asked within this call. */
export async function award(
  dataSource: DataSource,
  member: MemberPort,
  rules: PointsRules,
  request: AwardRequest__Output,
  scope: CallScope,
): Promise<AwardResponse> {
  const result = await awardBonus(
    dataSource,
    member,
    rules,
    { memberId: request.memberId, kind: request.kind as string },
    new Date(),
    scope,
  );
  return { points: toInt64(result.points), balanceAfter: toInt64(result.balanceAfter), replayed: result.replayed };
}
