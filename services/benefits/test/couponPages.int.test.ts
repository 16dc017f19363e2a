import { openCommandDatabase, type CommandDatabase } from '../../../test/harness/commandDatabase';
import { redeemCoupons } from '../src/commands/redeemCoupons';
import { voidCoupon } from '../src/commands/voidCoupon';
import { defineTemplate, give, memberDirectory, NOW } from '../src/commands/__tests__/benefitsFixture';
import { findCouponPage, type CouponStatusView } from '../src/db/couponPages';
import { benefitsSchema } from '../src/db/data-source';

/** Member.coupons' reads: the status a member sees (EXPIRED is read, not stored) and keyset pages. */
let db: CommandDatabase;
const member = memberDirectory({ 'm-1': 'REGULAR' });
const ids: Record<string, string> = {};
beforeAll(async () => {
  db = await openCommandDatabase(benefitsSchema);
  await defineTemplate(db.dataSource, { perMemberLimit: 10 });
  await defineTemplate(db.dataSource, { code: 'WEEK', validDays: 7, perMemberLimit: 10 });
  ids.old = await give(db.dataSource, member, 'WEEK', 'm-1', new Date('2026-11-01T00:00:00Z')); // expired on the 8th
  ids.used = await give(db.dataSource, member, 'WELCOME20', 'm-1', new Date('2026-11-02T00:00:00Z'));
  ids.voided = await give(db.dataSource, member, 'WELCOME20', 'm-1', new Date('2026-11-03T00:00:00Z'));
  ids.open = await give(db.dataSource, member, 'WELCOME20', 'm-1', new Date('2026-11-04T00:00:00Z'));
  const cart = { channel: 'WEB', items: [{ sku: 'A', quantity: 1, unitPrice: '50.00' }] };
  await redeemCoupons(db.dataSource, member, { memberId: 'm-1', orderNo: 'ORD-1', cart, couponIds: [ids.used] }, 'member:m-1', NOW);
  await voidCoupon(db.dataSource, { couponId: ids.voided, reason: 'issued in error' }, NOW);
});
afterAll(() => db.close());

const page = (status: CouponStatusView | null, first = 10, after: { at: Date; id: string } | null = null) =>
  findCouponPage(db.dataSource, { memberId: 'm-1', status, first, after }, NOW).then((rows) => rows.map((c) => c.id));

describe('findCouponPage', () => {
  it.each<[CouponStatusView, string]>([
    ['AVAILABLE', 'open'],
    ['EXPIRED', 'old'],
    ['REDEEMED', 'used'],
    ['VOIDED', 'voided'],
  ])('%s is exactly the %s coupon', async (status, name) => {
    expect(await page(status)).toEqual([ids[name]]);
  });

  it('pages newest first, one row beyond the page to say there is more, and resumes after a position', async () => {
    expect(await page(null, 2)).toEqual([ids.open, ids.voided, ids.used]);
    expect(await page(null, 2, { at: new Date('2026-11-03T00:00:00Z'), id: ids.voided })).toEqual([ids.used, ids.old]);
    expect(await findCouponPage(db.dataSource, { memberId: 'someone-else', first: 5, after: null }, NOW)).toEqual([]);
  });
});
