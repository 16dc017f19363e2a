import type { DataSource } from 'typeorm';
import { DomainError, formatFen, parsePositiveFen } from '../../../kit/src';
import { Order } from '../db/entities/Order';
import type { MemberPort } from '../ports';
import { debitMove, parseDebit, pointsForOffset } from '../domain/debit';
import { memberTier } from './memberTier';
import { movePoints } from './movePoints';

export interface CheckoutOffset {
  orderNo: string;
  pointsUsed: number;
  /** The CNY taken off the checkout, e.g. "5.00". */
  offset: string;
  balance: number;
  replayed: boolean;
}

/**
 * Pays part of a checkout with points (`pointsPerCny` points = 1 CNY, rounded up so the brand
 * never gives more than the points pay for), once per idempotency key, for a member the member
 * service knows. `atStore`: a POS account's store; it takes points only on that store's orders
 * (or on one not recorded yet, being paid at its till), and the ledger says where.
 */
export async function offsetCheckout(
  dataSource: DataSource,
  member: Pick<MemberPort, 'getMemberTier'>,
  pointsPerCny: number,
  input: { memberId: string; orderNo: string; offset: string; idempotencyKey: string; atStore?: string | null },
  actor: string,
): Promise<CheckoutOffset> {
  const fen = parsePositiveFen(input.offset, 'offset');
  const points = pointsForOffset(fen, pointsPerCny);
  const debit = parseDebit({
    memberId: input.memberId,
    points,
    source: 'CHECKOUT',
    sourceRef: input.orderNo,
    reason: `checkout offset of ${formatFen(fen)} CNY on order ${input.orderNo}${input.atStore ? ` at store ${input.atStore}` : ''}`,
    idempotencyKey: input.idempotencyKey,
  });
  if (input.atStore) {
    const recordedAt = (await dataSource.getRepository(Order).findOneBy({ orderNo: input.orderNo }))?.storeId;
    if (recordedAt && recordedAt !== input.atStore)
      throw new DomainError('FORBIDDEN', `a POS account takes points only on orders of its own store (${input.atStore})`, {
        field: 'orderNo',
      });
  }
  // Every rule is checked before the member service is asked.
  await memberTier(member, debit.memberId);
  const { entry, replayed } = await movePoints(dataSource, debitMove(debit, actor));
  return { orderNo: input.orderNo, pointsUsed: points, offset: formatFen(fen), balance: entry.balanceAfter, replayed };
}
