import type { DataSource } from 'typeorm';
import type { DebitRequest__Output } from '../../../../../proto/gen/membergraph/points/v1/DebitRequest';
import type { DebitResponse } from '../../../../../proto/gen/membergraph/points/v1/DebitResponse';
import { debitPoints } from '../../commands/debitPoints';
import { parseDebit } from '../../domain/debit';

export async function debit(dataSource: DataSource, request: DebitRequest__Output): Promise<DebitResponse> {
  const input = parseDebit({ ...request, points: Number(request.points) });
  const { entry, replayed } = await debitPoints(dataSource, input);
  return { entryId: entry.id, balanceAfter: String(entry.balanceAfter), replayed };
}
