import type { DataSource } from 'typeorm';
import type { DebitRequest__Output } from '../../../../../proto/gen/membergraph/points/v1/DebitRequest';
import type { DebitResponse } from '../../../../../proto/gen/membergraph/points/v1/DebitResponse';
import { debitPoints } from '../../commands/debitPoints';
import type { RiskPort } from '../../ports';

export async function debit(dataSource: DataSource, risk: RiskPort, request: DebitRequest__Output): Promise<DebitResponse> {
  const { entry, replayed } = await debitPoints(dataSource, risk, { ...request, points: Number(request.points) }, 'service');
  return { entryId: entry.id, balanceAfter: String(entry.balanceAfter), replayed };
}
