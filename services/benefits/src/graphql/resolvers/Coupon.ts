import { formatFen } from '../../../../kit/src';
import type { CouponResolvers, CouponStatus } from '../__generated__/resolvers-types';

const iso = (at: Date | null) => at?.toISOString() ?? null;

export const Coupon: CouponResolvers = {
  /** Expiry is read, not stored: an unused coupon past its validity shows as EXPIRED. */
  status: (coupon) =>
    coupon.status === 'AVAILABLE' && coupon.validTo.getTime() <= Date.now() ? 'EXPIRED' : (coupon.status as CouponStatus),
  template: (coupon, _, ctx) => ctx.loaders.template.load(coupon.templateCode),
  validFrom: (coupon) => coupon.validFrom.toISOString(),
  validTo: (coupon) => coupon.validTo.toISOString(),
  issuedAt: (coupon) => coupon.issuedAt.toISOString(),
  redeemedAt: (coupon) => iso(coupon.redeemedAt),
  discount: (coupon) => (coupon.discountFen === null ? null : formatFen(coupon.discountFen)),
};
