import { formatFen } from '../../../../kit/src';
import type { Receipt } from '../../commands/recordOrder';

export const OrderReceipt = {
  orderNo: (receipt: Receipt) => receipt.order.orderNo,
  amount: (receipt: Receipt) => formatFen(receipt.order.amountFen),
  channel: (receipt: Receipt) => receipt.order.channel,
  pointsEarned: (receipt: Receipt) => receipt.order.pointsEarned,
  member: (receipt: Receipt) => ({ id: receipt.order.memberId }),
};
