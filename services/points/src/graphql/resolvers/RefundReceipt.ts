import { formatFen } from '../../../../kit/src';
import type { RefundReceiptResolvers } from '../__generated__/resolvers-types';

export const RefundReceipt: RefundReceiptResolvers = {
  refundNo: (receipt) => receipt.refund.refundNo,
  orderNo: (receipt) => receipt.refund.orderNo,
  amount: (receipt) => formatFen(receipt.refund.amountFen),
  pointsClawedBack: (receipt) => receipt.refund.pointsClawed,
  debtAdded: (receipt) => receipt.refund.debtAdded,
  pointsReturned: (receipt) => receipt.refund.pointsReturned,
  member: (receipt) => ({ id: receipt.refund.memberId }),
};
