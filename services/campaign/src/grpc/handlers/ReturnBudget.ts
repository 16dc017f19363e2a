import type { DataSource } from 'typeorm';
import type { ReturnBudgetRequest__Output } from '../../../../../proto/gen/membergraph/campaign/v1/ReturnBudgetRequest';
import type { ReturnBudgetResponse } from '../../../../../proto/gen/membergraph/campaign/v1/ReturnBudgetResponse';
import { fromInt64, toInt64 } from '../../../../kit/src';
import { returnBudget } from '../../commands/returnBudget';

export async function returnBudgetHandler(dataSource: DataSource, request: ReturnBudgetRequest__Output): Promise<ReturnBudgetResponse> {
  const answer = await returnBudget(dataSource, {
    orderRef: request.orderRef,
    key: request.key,
    request: request.reservationId
      ? { kind: 'REFUSED', reservationId: request.reservationId }
      : { kind: 'REFUND', refundedFen: fromInt64(request.refundedFen), amountFen: fromInt64(request.amountFen) },
  });
  return { returnedPoints: toInt64(answer.returnedPoints), replayed: answer.replayed };
}
