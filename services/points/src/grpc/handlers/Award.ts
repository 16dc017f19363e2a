import type { DataSource } from 'typeorm';
import type { AwardRequest__Output } from '../../../../../proto/gen/membergraph/points/v1/AwardRequest';
import type { AwardResponse } from '../../../../../proto/gen/membergraph/points/v1/AwardResponse';
import { awardBonus } from '../../commands/awardBonus';
import type { PointsRules } from '../../context';
import type { MemberClient } from '../clients/member';

/** The bonus for a member event, once per member and kind. */
export async function award(
  dataSource: DataSource,
  member: MemberClient,
  rules: PointsRules,
  request: AwardRequest__Output,
): Promise<AwardResponse> {
  const result = await awardBonus(dataSource, member, rules, { memberId: request.memberId, kind: request.kind as string });
  return { points: String(result.points), balanceAfter: String(result.balanceAfter), replayed: result.replayed };
}
