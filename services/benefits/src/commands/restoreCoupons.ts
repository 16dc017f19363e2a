import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, parseCode } from '../../../kit/src';
import { Coupon } from '../db/entities/Coupon';
import { CouponRedemption } from '../db/entities/CouponRedemption';

export interface RestoreReceipt {
  orderNo: string;
  refundNo: string;
  /** Given back to the member, usable again. */
  restoredCouponIds: string[];
  /** Past their validity when the order was refunded: they stay used. */
  expiredCouponIds: string[];
  replayed: boolean;
}

const receipt = (row: CouponRedemption, replayed: boolean): RestoreReceipt => ({
  orderNo: row.orderNo,
  refundNo: row.refundNo!,
  restoredCouponIds: row.restoredCouponIds,
  expiredCouponIds: row.couponIds.filter((id) => !row.restoredCouponIds.includes(id)),
  replayed,
});

function replay(row: CouponRedemption, refundNo: string): RestoreReceipt {
  if (row.refundNo !== refundNo) {
    throw new DomainError('CONFLICT', `the coupons of order ${row.orderNo} were already given back by refund ${row.refundNo}`, {
      field: 'refundNo',
    });
  }
  return receipt(row, true);
}

/**
 * A refunded order gives its coupons back, once per order (the refund that did it is recorded; the
 * same refundNo again is a replay): each coupon still inside its validity becomes AVAILABLE again,
 * an expired one stays used. `atStore`: a POS account restores only its own store's orders.
 */
export async function restoreCoupons(
  dataSource: DataSource,
  input: { orderNo: string; refundNo: string; atStore?: string | null },
  now = new Date(),
): Promise<RestoreReceipt> {
  const orderNo = parseCode(input.orderNo, 'orderNo');
  const refundNo = parseCode(input.refundNo, 'refundNo');
  const redemptions = dataSource.getRepository(CouponRedemption);
  const redemption = await redemptions.findOneBy({ orderNo });
  if (!redemption) throw new DomainError('NOT_FOUND', `order ${orderNo} redeemed no coupons`, { field: 'orderNo' });
  if (input.atStore && redemption.store !== input.atStore) {
    throw new DomainError('FORBIDDEN', `a POS account gives back coupons only of its own store's orders (${input.atStore})`, {
      field: 'orderNo',
    });
  }
  if (redemption.refundNo) return replay(redemption, refundNo);
  return inTransaction(dataSource, async (manager) => {
    const claimed = await manager
      .createQueryBuilder()
      .update(CouponRedemption)
      .set({ refundNo, restoredAt: now })
      .where('order_no = :orderNo AND refund_no IS NULL', { orderNo })
      .execute();
    // Another refund of this order got there first: answer as it decided.
    if (claimed.affected !== 1) return replay(await manager.getRepository(CouponRedemption).findOneByOrFail({ orderNo }), refundNo);
    const restored: string[] = [];
    for (const id of redemption.couponIds) {
      const back = await manager
        .createQueryBuilder()
        .update(Coupon)
        .set({ status: 'AVAILABLE', orderNo: null, redeemedAt: null, discountFen: null })
        .where("id = :id AND status = 'REDEEMED' AND order_no = :orderNo AND valid_to > :now", { id, orderNo, now })
        .execute();
      if (back.affected === 1) restored.push(id);
    }
    await manager.getRepository(CouponRedemption).update({ orderNo }, { restoredCouponIds: restored });
    return receipt({ ...redemption, refundNo, restoredAt: now, restoredCouponIds: restored }, false);
  });
}
