import type { DataSource } from 'typeorm';
import type { ListMemberActivityRequest__Output } from '../../../../../proto/gen/membergraph/points/v1/ListMemberActivityRequest';
import type { ListMemberActivityResponse } from '../../../../../proto/gen/membergraph/points/v1/ListMemberActivityResponse';
import { DomainError } from '../../../../kit/src';
import { readMemberActivity } from '../../db/memberActivity';

const MAX_PAGE = 1000;

export async function listMemberActivity(
  dataSource: DataSource,
  request: ListMemberActivityRequest__Output,
): Promise<ListMemberActivityResponse> {
  if (!Number.isInteger(request.limit) || request.limit < 1 || request.limit > MAX_PAGE) {
    throw new DomainError('BAD_USER_INPUT', `limit must be 1–${MAX_PAGE}`);
  }
  const beforeMs = Number(request.beforeEpochMs);
  const page = await readMemberActivity(dataSource, request.afterMemberId, request.limit, beforeMs > 0 ? new Date(beforeMs) : new Date());
  return {
    members: page.members.map((m) => ({
      memberId: m.memberId,
      orders: m.orders.map((o) => ({
        orderedAtEpochMs: String(o.orderedAt.getTime()),
        amountFen: String(o.amountFen),
        refundedFen: String(o.refundedFen),
      })),
      points: m.points.map((p) => ({ atEpochMs: String(p.at.getTime()), kind: p.kind, points: String(p.points), source: p.source })),
    })),
    nextAfterMemberId: page.nextAfterMemberId ?? '',
  };
}
