import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { benefitsSchema } from '../../db/data-source';
import { Coupon } from '../../db/entities/Coupon';
import { redeemCoupons } from '../redeemCoupons';
import { restoreCoupons } from '../restoreCoupons';
import { voidCoupon } from '../voidCoupon';
import { defineTemplate, give, memberDirectory, NOW } from './benefitsFixture';

let db: CommandDatabase;
const member = memberDirectory({ 'm-1': 'REGULAR' });
beforeEach(async () => {
  db = await openCommandDatabase(benefitsSchema);
  await defineTemplate(db.dataSource, { perMemberLimit: 10 });
  // Valid until 2026-12-05: used on an order, then the order is refunded after that.
  await defineTemplate(db.dataSource, {
    code: 'SHORT',
    perMemberLimit: 10,
    validDays: null,
    validFrom: '2026-11-01T00:00:00Z',
    validTo: '2026-12-05T00:00:00Z',
  });
});
afterEach(() => db.close());

const redeem = (orderNo: string, couponIds: string[], store?: string) =>
  redeemCoupons(
    db.dataSource,
    member,
    { memberId: 'm-1', orderNo, cart: { channel: 'POS', store, items: [{ sku: 'A', quantity: 1, unitPrice: '99.00' }] }, couponIds },
    'staff:pos',
    NOW,
  );
const coupon = (id: string) => db.dataSource.getRepository(Coupon).findOneByOrFail({ id });

describe('restoreCoupons', () => {
  it('gives back the coupons still valid at the refund; an expired one stays used', async () => {
    const lasting = await give(db.dataSource, member, 'WELCOME20', 'm-1');
    const short = await give(db.dataSource, member, 'SHORT', 'm-1');
    await redeem('ORD-1', [lasting, short]);
    const later = new Date('2026-12-10T00:00:00Z');
    const receipt = await restoreCoupons(db.dataSource, { orderNo: 'ORD-1', refundNo: 'RF-1' }, later);
    expect(receipt).toEqual({
      orderNo: 'ORD-1',
      refundNo: 'RF-1',
      restoredCouponIds: [lasting],
      expiredCouponIds: [short],
      replayed: false,
    });
    expect(await coupon(lasting)).toMatchObject({ status: 'AVAILABLE', orderNo: null, discountFen: null });
    expect(await coupon(short)).toMatchObject({ status: 'REDEEMED', orderNo: 'ORD-1' });
    // The restored coupon works again on another order.
    await expect(redeem('ORD-2', [lasting])).resolves.toMatchObject({ replayed: false });
  });

  it('restores once per order: the same refund again is a replay, another refund is CONFLICT', async () => {
    const id = await give(db.dataSource, member, 'WELCOME20', 'm-1');
    await redeem('ORD-3', [id]);
    const first = await restoreCoupons(db.dataSource, { orderNo: 'ORD-3', refundNo: 'RF-3' }, NOW);
    expect(await restoreCoupons(db.dataSource, { orderNo: 'ORD-3', refundNo: 'RF-3' }, NOW)).toEqual({ ...first, replayed: true });
    const before = await snapshotDatabase(db.dataSource);
    await expect(restoreCoupons(db.dataSource, { orderNo: 'ORD-3', refundNo: 'RF-OTHER' }, NOW)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it("refuses an order that redeemed nothing, and a POS account another store's order, writing nothing", async () => {
    const id = await give(db.dataSource, member, 'WELCOME20', 'm-1');
    await redeem('ORD-SH', [id], 'SH-001');
    const before = await snapshotDatabase(db.dataSource);
    await expect(restoreCoupons(db.dataSource, { orderNo: 'ORD-NONE', refundNo: 'RF-9' }, NOW)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(restoreCoupons(db.dataSource, { orderNo: 'ORD-SH', refundNo: 'RF-9', atStore: 'BJ-002' }, NOW)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});

describe('voidCoupon', () => {
  it('voids an unused coupon for good; again is a replay; a used one is refused', async () => {
    const id = await give(db.dataSource, member, 'WELCOME20', 'm-1');
    const { coupon: voided, replayed } = await voidCoupon(db.dataSource, { couponId: id, reason: 'issued by mistake' }, NOW);
    expect(replayed).toBe(false);
    expect(voided).toMatchObject({ status: 'VOIDED', voidReason: 'issued by mistake' });
    expect(await voidCoupon(db.dataSource, { couponId: id, reason: 'again please' }, NOW)).toMatchObject({ replayed: true });
    await expect(redeem('ORD-V', [id])).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'VOIDED' } });

    const used = await give(db.dataSource, member, 'WELCOME20', 'm-1');
    await redeem('ORD-U', [used]);
    const before = await snapshotDatabase(db.dataSource);
    await expect(voidCoupon(db.dataSource, { couponId: used, reason: 'too late' }, NOW)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'REDEEMED' },
    });
    await expect(voidCoupon(db.dataSource, { couponId: 'nope', reason: 'unknown' }, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(voidCoupon(db.dataSource, { couponId: id, reason: 'x' }, NOW)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'reason' },
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
