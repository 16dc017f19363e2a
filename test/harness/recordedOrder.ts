import type { DataSource } from 'typeorm';
import { Order } from '../../services/points/src/db/entities/Order';

/**
 * An order the member placed earlier, written as a row of the points database and earning nothing:
 * something to pay with points or refund in a test about that, whose figures its earn would blur.
 */
export async function recordedOrder(
  dataSource: DataSource,
  order: { orderNo: string; memberId: string; amountFen?: number; storeId?: string | null },
): Promise<void> {
  await dataSource.getRepository(Order).insert({
    orderNo: order.orderNo,
    memberId: order.memberId,
    amountFen: order.amountFen ?? 10_000,
    channel: order.storeId ? 'POS' : 'WEB',
    storeId: order.storeId ?? null,
    items: null,
    pointsEarned: 0,
    refundedFen: 0,
    pointsClawed: 0,
    orderedAt: new Date(),
    createdAt: new Date(),
  });
}
