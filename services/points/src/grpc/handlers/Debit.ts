import type { DataSource } from 'typeorm';
import type { DebitRequest__Output } from '../../../../../proto/gen/membergraph/points/v1/DebitRequest';
import type { DebitResponse } from '../../../../../proto/gen/membergraph/points/v1/DebitResponse';
import { movePoints } from '../../commands/movePoints';
import { debitMove, parseDebit } from '../../domain/debit';

export async function debit(dataSource: DataSource, request: DebitRequest__Output): Promise<DebitResponse> {
  const input = parseDebit({ ...request, points: Number(request.points) });
  const { entry, replayed } = await movePoints(dataSource, debitMove(input, 'service'));
  return { entryId: entry.id, balanceAfter: String(entry.balanceAfter), replayed };
}
