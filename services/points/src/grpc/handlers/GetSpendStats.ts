import type { DataSource } from 'typeorm';
import type { GetSpendStatsRequest__Output } from '../../../../../proto/gen/membergraph/points/v1/GetSpendStatsRequest';
import type { GetSpendStatsResponse } from '../../../../../proto/gen/membergraph/points/v1/GetSpendStatsResponse';
import { DomainError, toEpochMs, toInt64 } from '../../../../kit/src';
import { spendStats } from '../../db/spendStats';

const MAX_BATCH = 500;

/** The figures Member.spend shows, for the benefits service's ranking: one statement for the batch. */
export async function getSpendStats(dataSource: DataSource, request: GetSpendStatsRequest__Output): Promise<GetSpendStatsResponse> {
  if (request.memberIds.length > MAX_BATCH) throw new DomainError('BAD_USER_INPUT', `at most ${MAX_BATCH} member ids per call`);
  const stats = await spendStats(dataSource, request.memberIds, new Date());
  return {
    stats: request.memberIds.map((memberId, i) => ({
      memberId,
      spendFen: toInt64(stats[i].spendFen),
      purchases: stats[i].purchases,
      lastPurchaseEpochMs: stats[i].lastPurchaseAt ? toEpochMs(stats[i].lastPurchaseAt) : '0',
    })),
  };
}
