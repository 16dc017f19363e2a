import type { DataSource } from 'typeorm';
import type { PurchaseStatsBatch } from '../../../../../proto/gen/membergraph/points/v1/PurchaseStatsBatch';
import type { StreamPurchaseStatsRequest__Output } from '../../../../../proto/gen/membergraph/points/v1/StreamPurchaseStatsRequest';
import { DomainError, fromInt64, toEpochMs, toInt64 } from '../../../../kit/src';
import { purchaseStatsPage } from '../../db/purchaseStats';

const DAY_MS = 86_400_000;

/** Pages of purchase statistics, one query set per batch, until every member with orders was sent. */
export async function* streamPurchaseStats(
  dataSource: DataSource,
  request: StreamPurchaseStatsRequest__Output,
): AsyncGenerator<PurchaseStatsBatch> {
  const windowDays = request.windowDays;
  if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > 3660) {
    throw new DomainError('BAD_USER_INPUT', 'window_days must be 1–3660', { field: 'windowDays' });
  }
  const batchSize = request.batchSize === 0 ? 500 : request.batchSize;
  if (batchSize < 1 || batchSize > 5000) throw new DomainError('BAD_USER_INPUT', 'batch_size must be 1–5000', { field: 'batchSize' });
  const asOfMs = fromInt64(request.asOfEpochMs);
  const asOf = asOfMs > 0 ? new Date(asOfMs) : new Date();
  const window = { from: new Date(asOf.getTime() - windowDays * DAY_MS), asOf };
  let after = '';
  for (;;) {
    const page = await purchaseStatsPage(dataSource, window, after, batchSize);
    if (page.length === 0) return;
    yield {
      stats: page.map((s) => ({
        memberId: s.memberId,
        purchases: s.purchases,
        spendFen: toInt64(s.spendFen),
        lastPurchaseEpochMs: s.lastPurchaseAt ? toEpochMs(s.lastPurchaseAt) : '0',
        firstPurchaseEpochMs: s.firstPurchaseAt ? toEpochMs(s.firstPurchaseAt) : '0',
        purchasesEver: s.purchasesEver,
        checkIns: s.checkIns,
        channels: s.channels,
      })),
    };
    if (page.length < batchSize) return;
    after = page[page.length - 1].memberId;
  }
}
