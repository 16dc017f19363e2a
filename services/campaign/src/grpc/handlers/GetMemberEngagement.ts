import type { DataSource } from 'typeorm';
import type { GetMemberEngagementRequest__Output } from '../../../../../proto/gen/membergraph/campaign/v1/GetMemberEngagementRequest';
import type { GetMemberEngagementResponse } from '../../../../../proto/gen/membergraph/campaign/v1/GetMemberEngagementResponse';
import { DomainError, fromEpochMs, parseMemberId, toEpochMs } from '../../../../kit/src';
import { readMemberEngagement } from '../../db/memberEngagement';

/** As many members as points' ListMemberActivity pages at most: risk asks once per page. */
const MAX_MEMBERS = 1000;

export async function getMemberEngagement(
  dataSource: DataSource,
  request: GetMemberEngagementRequest__Output,
  now = new Date(),
): Promise<GetMemberEngagementResponse> {
  const memberIds = [...new Set(request.memberIds.map((id) => parseMemberId(id, 'memberIds')))];
  if (memberIds.length > MAX_MEMBERS) throw new DomainError('BAD_USER_INPUT', `at most ${MAX_MEMBERS} member ids per call`);
  const since = fromEpochMs(request.sinceEpochMs);
  const before = Number(request.beforeEpochMs) > 0 ? fromEpochMs(request.beforeEpochMs) : now;
  if (since.getTime() > before.getTime())
    throw new DomainError('BAD_USER_INPUT', 'since must not be after before', { field: 'sinceEpochMs' });
  const byId = await readMemberEngagement(dataSource, memberIds, since, before);
  return {
    members: memberIds.map((memberId) => ({
      memberId,
      events: byId.get(memberId)!.map((e) => ({ atEpochMs: toEpochMs(e.at), kind: e.kind })),
    })),
  };
}
