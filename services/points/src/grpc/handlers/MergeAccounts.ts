import type { DataSource } from 'typeorm';
import type { MergeAccountsRequest__Output } from '../../../../../proto/gen/membergraph/points/v1/MergeAccountsRequest';
import type { MergeAccountsResponse } from '../../../../../proto/gen/membergraph/points/v1/MergeAccountsResponse';
import { mergeAccounts as merge } from '../../commands/mergeAccounts';

export async function mergeAccounts(
  dataSource: DataSource,
  publishActivity: (memberId: string) => Promise<void>,
  request: MergeAccountsRequest__Output,
): Promise<MergeAccountsResponse> {
  const result = await merge(
    dataSource,
    { mergeId: request.mergeId, sourceMemberId: request.sourceMemberId, targetMemberId: request.targetMemberId },
    'service:member',
  );
  await publishActivity(request.targetMemberId);
  return { pointsMoved: String(result.pointsMoved), targetBalanceAfter: String(result.targetBalanceAfter), replayed: result.replayed };
}
