import type { DataSource } from 'typeorm';
import { CHANNELS, DomainError, formatFen, parsePositiveFen } from '../../../kit/src';
import { OrderOffset } from '../db/entities/OrderOffset';
import { Order } from '../db/entities/Order';
import type { MemberPort, RiskPort } from '../ports';
import { debitMove, parseDebit, pointsForOffset } from '../domain/debit';
import { assessSpend } from './assessRisk';
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
 * Pays part of a recorded order with points (`pointsPerCny` points = 1 CNY, rounded up so the brand
 * never gives more than the points pay for), once per idempotency key. The offset is tied to the
 * order (what it took from which lot), so a refund of the order gives it back in proportion. The
 * order must be the member's own, and its offsets together never exceed its amount. `atStore`: a
 * POS account's store; it takes points only on that store's orders, and the ledger says where.
 * Risk is asked first and must answer (burns fail closed).
 */
export async function offsetCheckout(
  dataSource: DataSource,
  peers: { member: Pick<MemberPort, 'getMemberTier'>; risk: RiskPort },
  pointsPerCny: number,
  input: {
    memberId: string;
    orderNo: string;
    offset: string;
    idempotencyKey: string;
    atStore?: string | null;
    /** Where the caller came from (the signed identity's channel and address), for risk control. */
    client?: { channel?: string; ip?: string };
  },
  actor: string,
  now = new Date(),
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
  const order = await dataSource.getRepository(Order).findOneBy({ orderNo: input.orderNo });
  if (!order)
    throw new DomainError('NOT_FOUND', `no order ${input.orderNo}: record the order before paying it with points`, { field: 'orderNo' });
  if (input.atStore && order.storeId !== input.atStore)
    throw new DomainError('FORBIDDEN', `a POS account takes points only on orders of its own store (${input.atStore})`, {
      field: 'orderNo',
    });
  // Every rule is checked before the member service is asked.
  await memberTier(peers.member, debit.memberId);
  if (order.memberId !== debit.memberId)
    throw new DomainError('BAD_USER_INPUT', `order ${input.orderNo} is another member's`, { field: 'orderNo' });
  // Fails closed: no answer from risk, no points spent.
  await assessSpend(peers.risk, {
    action: 'BURN',
    memberId: debit.memberId,
    amountFen: 0,
    points,
    channel: CHANNELS.find((c) => c === input.client?.channel) ?? (input.atStore ? 'POS' : 'WEB'),
    store: input.atStore ?? null,
    ip: input.client?.ip ?? null,
    idempotencyKey: `BURN:${debit.idempotencyKey}`,
  });
  const move = debitMove(debit, actor);
  const { entry, replayed } = await movePoints(dataSource, move, now, async (manager, { taken }) => {
    // Under the member's account lock: every offset of this order is the member's, so they run one at a time.
    const offsets = await manager.findBy(OrderOffset, { orderNo: order.orderNo });
    if (offsets.reduce((sum, o) => sum + o.offsetFen, 0) + fen > order.amountFen)
      throw new DomainError('BAD_USER_INPUT', `the offsets of order ${order.orderNo} would exceed its amount`, { field: 'offset' });
    await manager.insert(OrderOffset, {
      idempotencyKey: move.idempotencyKey,
      orderNo: order.orderNo,
      memberId: order.memberId,
      points,
      offsetFen: fen,
      taken: JSON.stringify(taken),
      pointsReturned: 0,
      createdAt: now,
    });
  });
  return { orderNo: input.orderNo, pointsUsed: points, offset: formatFen(fen), balance: entry.balanceAfter, replayed };
}
