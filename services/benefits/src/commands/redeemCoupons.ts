import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, isUniqueViolation, parseCode } from '../../../kit/src';
import { Coupon } from '../db/entities/Coupon';
import { CouponRedemption } from '../db/entities/CouponRedemption';
import type { DiscountLine } from '../domain/checkout';
import type { MemberPort } from '../ports';
import { planMemberCheckout, type CheckoutInput } from './checkout';

export interface RedemptionReceipt {
  orderNo: string;
  memberId: string;
  couponIds: string[];
  subtotalFen: number;
  discountFen: number;
  payableFen: number;
  lines: DiscountLine[];
  replayed: boolean;
}

const receipt = (row: CouponRedemption, replayed: boolean): RedemptionReceipt => ({
  orderNo: row.orderNo,
  memberId: row.memberId,
  couponIds: row.couponIds,
  subtotalFen: row.subtotalFen,
  discountFen: row.discountFen,
  payableFen: row.payableFen,
  lines: JSON.parse(row.lines) as DiscountLine[],
  replayed,
});

/** An order number sent again answers its first redemption, but only for the same member and coupons. */
function replay(row: CouponRedemption, memberId: string, couponIds: readonly string[]): RedemptionReceipt {
  if (row.memberId !== memberId || row.couponIds.join(',') !== couponIds.join(',')) {
    throw new DomainError('CONFLICT', `order ${row.orderNo} already redeemed other coupons`, { field: 'orderNo' });
  }
  return receipt(row, true);
}

/**
 * Uses the chosen coupons on an order, exactly once per orderNo: the checkout is planned as
 * `validateCoupons` plans it (every chosen coupon must apply), then the order's row and each
 * coupon's move from AVAILABLE to REDEEMED (a guarded UPDATE) commit together. A coupon another
 * order took a moment earlier is CONFLICT, and this order then redeems nothing.
 */
export async function redeemCoupons(
  dataSource: DataSource,
  member: MemberPort,
  input: CheckoutInput & { orderNo: string },
  actor: string,
  now = new Date(),
): Promise<RedemptionReceipt> {
  const orderNo = parseCode(input.orderNo, 'orderNo');
  if (!input.couponIds?.length) throw new DomainError('BAD_USER_INPUT', 'name at least one coupon to redeem', { field: 'couponIds' });
  const redemptions = dataSource.getRepository(CouponRedemption);
  const known = await redemptions.findOneBy({ orderNo });
  if (known) return replay(known, input.memberId, input.couponIds);
  const { memberId, cart, chosen, plan } = await planMemberCheckout(dataSource, member, input, now);
  const row = redemptions.create({
    orderNo,
    memberId,
    couponIds: chosen,
    subtotalFen: plan.subtotalFen,
    discountFen: plan.discountFen,
    payableFen: plan.payableFen,
    lines: JSON.stringify(plan.lines),
    channel: cart.channel,
    store: cart.store,
    actor,
    redeemedAt: now,
    refundNo: null,
    restoredCouponIds: [],
    restoredAt: null,
  });
  try {
    await inTransaction(dataSource, async (manager) => {
      await manager.getRepository(CouponRedemption).insert(row);
      for (const line of plan.lines) {
        if (line.source !== 'COUPON') continue;
        const used = await manager
          .createQueryBuilder()
          .update(Coupon)
          .set({ status: 'REDEEMED', orderNo, redeemedAt: now, discountFen: line.discountFen })
          .where("id = :id AND member_id = :memberId AND status = 'AVAILABLE'", { id: line.sourceId, memberId })
          .execute();
        if (used.affected !== 1) {
          throw new DomainError('CONFLICT', `coupon ${line.sourceId} was used by another order at the same time`, {
            field: 'couponIds',
            reason: 'REDEEMED',
          });
        }
      }
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return replay(await redemptions.findOneByOrFail({ orderNo }), memberId, chosen);
  }
  return receipt(row, false);
}
