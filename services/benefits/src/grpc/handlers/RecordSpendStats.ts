import type { DataSource } from 'typeorm';
import type { RecordSpendStatsRequest__Output } from '../../../../../proto/gen/membergraph/benefits/v1/RecordSpendStatsRequest';
import type { RecordSpendStatsResponse } from '../../../../../proto/gen/membergraph/benefits/v1/RecordSpendStatsResponse';
import { fromEpochMs, fromInt64 } from '../../../../kit/src';
import { recordSpendStats } from '../../commands/recordSpendStats';

/** The points service's outbox delivers members' spend windows here, after the commits that changed them. */
export async function recordSpendStatsForPeer(
  dataSource: DataSource,
  request: RecordSpendStatsRequest__Output,
): Promise<RecordSpendStatsResponse> {
  await recordSpendStats(
    dataSource,
    request.members.map((m) => ({
      memberId: m.memberId,
      asOf: fromEpochMs(m.asOfEpochMs),
      windowMs: fromInt64(m.windowMs),
      orders: m.orders.map((o) => ({ orderedAtMs: fromInt64(o.orderedAtEpochMs), netFen: fromInt64(o.netFen), counted: o.counted })),
    })),
  );
  return {};
}
