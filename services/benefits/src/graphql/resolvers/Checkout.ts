import { formatFen } from '../../../../kit/src';
import type { RedemptionReceipt } from '../../commands/redeemCoupons';
import type { CheckoutPlan, CouponCheck as Check, DiscountLine as Line } from '../../domain/checkout';
import type { BenefitsContext } from '../../context';

/** The checkout plan and receipts carry fen; the graph shows CNY strings. */
export const CheckoutValidation = {
  subtotal: (plan: CheckoutPlan) => formatFen(plan.subtotalFen),
  discount: (plan: CheckoutPlan) => formatFen(plan.discountFen),
  payable: (plan: CheckoutPlan) => formatFen(plan.payableFen),
};

export const CouponRedemption = {
  subtotal: (receipt: RedemptionReceipt) => formatFen(receipt.subtotalFen),
  discount: (receipt: RedemptionReceipt) => formatFen(receipt.discountFen),
  payable: (receipt: RedemptionReceipt) => formatFen(receipt.payableFen),
};

export const DiscountLine = {
  discount: (line: Line) => formatFen(line.discountFen),
};

export const CouponCheck = {
  coupon: (check: Check, _: unknown, ctx: BenefitsContext) => ctx.loaders.coupon.load(check.coupon.id),
  applicable: (check: Check) => check.refusal === null,
  discount: (check: Check) => (check.discountFen === null ? null : formatFen(check.discountFen)),
  reason: (check: Check) => check.refusal,
};
