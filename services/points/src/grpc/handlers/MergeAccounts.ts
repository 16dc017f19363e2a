import type { DataSource } from 'typeorm';
import type { MergeAccountsRequest__Output } from '../../../../../proto/gen/membergraph/points/v1/MergeAccountsRequest';
import type { MergeAccountsResponse } from '../../../../../proto/gen/membergraph/points/v1/MergeAccountsResponse';
import { toInt64 } from '../../../../kit/src';
import { mergeAccounts as merge } from '../../commands/mergeAccounts';
import type { EventDelivery } from '../../ports';

export async function mergeAccounts(
  dataSource: DataSource,
  events: EventDelivery,
  request: MergeAccountsRequest__Output,
): Promise<MergeAccountsResponse> {
  const result = await merge(
    dataSource,
    { mergeId: request.mergeId, sourceMemberId: request.sourceMemberId, targetMemberId: request.targetMemberId },
    'service:member',
  );
  await events.deliverNow(request.targetMemberId);
  return { pointsMoved: toInt64(result.pointsMoved), targetBalanceAfter: toInt64(result.targetBalanceAfter), replayed: result.replayed };
}
