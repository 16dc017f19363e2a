import { formatFen } from '../../../../kit/src';
import type { Refund } from '../../db/entities/Refund';

export const RefundReceipt = {
  refundNo: (receipt: { refund: Refund }) => receipt.refund.refundNo,
  orderNo: (receipt: { refund: Refund }) => receipt.refund.orderNo,
  amount: (receipt: { refund: Refund }) => formatFen(receipt.refund.amountFen),
  pointsClawedBack: (receipt: { refund: Refund }) => receipt.refund.pointsClawed,
  debtAdded: (receipt: { refund: Refund }) => receipt.refund.debtAdded,
  member: (receipt: { refund: Refund }) => ({ id: receipt.refund.memberId }),
};
