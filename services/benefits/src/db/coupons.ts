import { In, type EntityManager } from 'typeorm';
import type { HeldCoupon } from '../domain/checkout';
import type { CouponKind, CouponRules } from '../domain/couponTemplate';
import { Coupon } from './entities/Coupon';
import { CouponTemplate } from './entities/CouponTemplate';

/** A coupon with its template's rules, as the checkout planner reads it. */
export function heldCoupon(coupon: Coupon, template: CouponTemplate): HeldCoupon {
  return {
    id: coupon.id,
    status: coupon.status as HeldCoupon['status'],
    validFrom: coupon.validFrom,
    validTo: coupon.validTo,
    templateCode: template.code,
    name: template.name,
    kind: template.kind as CouponKind,
    amountFen: template.amountFen,
    percentOff: template.percentOff,
    maxDiscountFen: template.maxDiscountFen,
    minSpendFen: template.minSpendFen,
    giftSku: template.giftSku,
    channels: template.channels,
    stores: template.stores,
    stackGroup: template.stackGroup,
  };
}

/** A template row's rules (what couponWindow and faceValueFen read). */
export function templateRules(
  template: CouponTemplate,
): Pick<CouponRules, 'kind' | 'amountFen' | 'maxDiscountFen' | 'validFrom' | 'validTo' | 'validDays'> {
  return { ...template, kind: template.kind as CouponKind };
}

/**
 * The coupons a checkout weighs: every AVAILABLE coupon of the member, and the chosen ones in any
 * status (so a used one is refused with its reason). Another member's coupon is never among them.
 */
export async function findHeldCoupons(manager: EntityManager, memberId: string, chosen: readonly string[]): Promise<HeldCoupon[]> {
  const coupons = manager.getRepository(Coupon);
  const rows = await coupons.find({
    where: [{ memberId, status: 'AVAILABLE' }, ...(chosen.length ? [{ memberId, id: In([...chosen]) }] : [])],
    order: { issuedAt: 'ASC', id: 'ASC' },
  });
  if (rows.length === 0) return [];
  const templates = new Map(
    (await manager.getRepository(CouponTemplate).findBy({ code: In([...new Set(rows.map((c) => c.templateCode))]) })).map((t) => [
      t.code,
      t,
    ]),
  );
  return rows.map((coupon) => heldCoupon(coupon, templates.get(coupon.templateCode)!));
}
