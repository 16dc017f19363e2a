import { formatFen } from '../../../../kit/src';
import type { BenefitsContext } from '../../context';
import type { Coupon as CouponRow } from '../../db/entities/Coupon';

const iso = (at: Date | null) => at?.toISOString() ?? null;

export const Coupon = {
  /** Expiry is read, not stored: an unused coupon past its validity shows as EXPIRED. */
  status: (coupon: CouponRow) => (coupon.status === 'AVAILABLE' && coupon.validTo.getTime() <= Date.now() ? 'EXPIRED' : coupon.status),
  template: (coupon: CouponRow, _: unknown, ctx: BenefitsContext) => ctx.loaders.template.load(coupon.templateCode),
  validFrom: (coupon: CouponRow) => iso(coupon.validFrom),
  validTo: (coupon: CouponRow) => iso(coupon.validTo),
  issuedAt: (coupon: CouponRow) => iso(coupon.issuedAt),
  redeemedAt: (coupon: CouponRow) => iso(coupon.redeemedAt),
  discount: (coupon: CouponRow) => (coupon.discountFen === null ? null : formatFen(coupon.discountFen)),
};
