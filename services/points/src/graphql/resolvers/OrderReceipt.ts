import { formatFen } from '../../../../kit/src';
import type { OrderReceiptResolvers } from '../__generated__/resolvers-types';

export const OrderReceipt: OrderReceiptResolvers = {
  orderNo: (receipt) => receipt.order.orderNo,
  amount: (receipt) => formatFen(receipt.order.amountFen),
  channel: (receipt) => receipt.order.channel,
  orderedAt: (receipt) => receipt.order.orderedAt.toISOString(),
  pointsEarned: (receipt) => receipt.order.pointsEarned,
  member: (receipt) => ({ id: receipt.order.memberId }),
};
