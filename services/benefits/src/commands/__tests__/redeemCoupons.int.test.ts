import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { benefitsSchema } from '../../db/data-source';
import { Coupon } from '../../db/entities/Coupon';
import { CouponRedemption } from '../../db/entities/CouponRedemption';
import type { CartInput } from '../../domain/checkout';
import { redeemCoupons } from '../redeemCoupons';
import { defineTemplate, give, memberDirectory, NOW } from './benefitsFixture';

let db: CommandDatabase;
const member = memberDirectory({ 'm-1': 'SILVER', 'm-2': 'REGULAR' });
beforeEach(async () => {
  db = await openCommandDatabase(benefitsSchema);
  await defineTemplate(db.dataSource, { perMemberLimit: 5 });
});
afterEach(() => db.close());

const CART: CartInput = { channel: 'WEB', items: [{ sku: 'TEA-1', quantity: 1, unitPrice: '100.00' }] };
const redeem = (orderNo: string, couponIds: string[], memberId = 'm-1') =>
  redeemCoupons(db.dataSource, member, { memberId, orderNo, cart: CART, couponIds }, 'member:m-1', NOW);
const coupon = (id: string) => db.dataSource.getRepository(Coupon).findOneByOrFail({ id });

describe('redeemCoupons', () => {
  it('uses the coupons on the order as validateCoupons planned it: tier discount, then the coupon', async () => {
    const id = await give(db.dataSource, member, 'WELCOME20', 'm-1');
    const receipt = await redeem('ORD-1', [id]);
    // SILVER 20% of 10000 = 2000, then 20.00 off
    expect(receipt).toMatchObject({ orderNo: 'ORD-1', subtotalFen: 10000, discountFen: 4000, payableFen: 6000, replayed: false });
    expect(receipt.lines.map((l) => [l.source, l.sourceId, l.discountFen])).toEqual([
      ['TIER_BENEFIT', 'SILVER:DISCOUNT', 2000],
      ['COUPON', id, 2000],
    ]);
    expect(await coupon(id)).toMatchObject({ status: 'REDEEMED', orderNo: 'ORD-1', discountFen: 2000, redeemedAt: NOW });
  });

  it('is idempotent on orderNo: the same order again answers its first receipt; other coupons on it are CONFLICT', async () => {
    const [a, b] = [await give(db.dataSource, member, 'WELCOME20', 'm-1'), await give(db.dataSource, member, 'WELCOME20', 'm-1')];
    const first = await redeem('ORD-2', [a]);
    expect(await redeem('ORD-2', [a])).toEqual({ ...first, replayed: true });
    const before = await snapshotDatabase(db.dataSource);
    await expect(redeem('ORD-2', [b])).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'orderNo' } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('refuses a coupon already used on another order, writing nothing', async () => {
    const id = await give(db.dataSource, member, 'WELCOME20', 'm-1');
    await redeem('ORD-3', [id]);
    const before = await snapshotDatabase(db.dataSource);
    await expect(redeem('ORD-4', [id])).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'REDEEMED' } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('lets one coupon sent with ten orders at once be used by exactly one of them', async () => {
    const id = await give(db.dataSource, member, 'WELCOME20', 'm-1');
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => redeem(`ORD-RACE-${i}`, [id])));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(await db.dataSource.getRepository(CouponRedemption).count()).toBe(1);
  });

  it.each<[string, string, () => Promise<[string, string[], string?]>]>([
    ['no coupons', 'BAD_USER_INPUT', async () => ['ORD-5', []]],
    ['a foreign coupon', 'NOT_FOUND', async () => ['ORD-5', [await give(db.dataSource, member, 'WELCOME20', 'm-2')]]],
    ['a bad orderNo', 'BAD_USER_INPUT', async () => ['ORD 5', [await give(db.dataSource, member, 'WELCOME20', 'm-1')]]],
  ])('refuses %s with %s, writing nothing', async (_, code, args) => {
    const [orderNo, ids, memberId] = await args();
    const before = await snapshotDatabase(db.dataSource);
    await expect(redeem(orderNo, ids, memberId)).rejects.toMatchObject({ code });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
