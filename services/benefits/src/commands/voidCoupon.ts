import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, parseReason } from '../../../kit/src';
import { Coupon } from '../db/entities/Coupon';

/**
 * Staff void a coupon the member has not used: it can never be used again. Its stock and budget
 * are not given back (it was issued). Voiding a voided coupon answers it again; a used one is refused.
 */
export async function voidCoupon(
  dataSource: DataSource,
  input: { couponId: string; reason: string },
  now = new Date(),
): Promise<{ coupon: Coupon; replayed: boolean }> {
  const reason = parseReason(input.reason);
  const coupons = dataSource.getRepository(Coupon);
  const find = async () => {
    const coupon = input.couponId.length <= 36 ? await coupons.findOneBy({ id: input.couponId }) : null;
    if (!coupon) throw new DomainError('NOT_FOUND', `no coupon ${input.couponId}`, { field: 'couponId' });
    return coupon;
  };
  const decided = (coupon: Coupon) => {
    if (coupon.status === 'VOIDED') return { coupon, replayed: true };
    throw new DomainError('BAD_USER_INPUT', 'a used coupon cannot be voided; refund its order instead', {
      field: 'couponId',
      reason: 'REDEEMED',
    });
  };
  const coupon = await find();
  if (coupon.status !== 'AVAILABLE') return decided(coupon);
  return inTransaction(dataSource, async (manager) => {
    const voided = await manager
      .createQueryBuilder()
      .update(Coupon)
      .set({ status: 'VOIDED', voidedAt: now, voidReason: reason })
      .where("id = :id AND status = 'AVAILABLE'", { id: coupon.id })
      .execute();
    if (voided.affected !== 1) return decided(await manager.getRepository(Coupon).findOneByOrFail({ id: coupon.id }));
    return { coupon: { ...coupon, status: 'VOIDED', voidedAt: now, voidReason: reason }, replayed: false };
  });
}
