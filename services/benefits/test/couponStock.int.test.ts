import type { DataSource } from 'typeorm';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { defineCouponTemplate } from '../src/commands/defineCouponTemplate';
import { issueCoupon } from '../src/commands/issueCoupon';
import { redeemCoupons } from '../src/commands/redeemCoupons';
import { benefitsSchema } from '../src/db/data-source';
import { Coupon } from '../src/db/entities/Coupon';
import { CouponClaim } from '../src/db/entities/CouponClaim';
import { CouponRedemption } from '../src/db/entities/CouponRedemption';
import { CouponTemplate } from '../src/db/entities/CouponTemplate';
import { MemoryMember } from './memoryPorts';

/**
 * No oversell, on the database the suite runs on (SQLite by default, MySQL with DATABASE_URL,
 * where the issues really run side by side on a pool of connections): simultaneous issues take
 * exactly the stock, and a member exactly their limit; a coupon raced by many orders is used once.
 */
let dataSource: DataSource;
let stop: () => Promise<void>;
const member = new MemoryMember();
beforeAll(async () => {
  ({ dataSource, close: stop } = await openServiceTestDatabase(benefitsSchema));
  for (let i = 0; i < 500; i += 1) member.add(`member-${i}`);
});
afterAll(() => stop?.());

const template = (code: string, stock: number, perMemberLimit: number, budget?: string) =>
  defineCouponTemplate(
    dataSource,
    { code, name: code, kind: 'NO_THRESHOLD', amount: '10.00', validDays: 7, perMemberLimit, stock, budget },
    'staff:test',
  );
const issue = (templateCode: string, memberId: string, key: string) =>
  issueCoupon(dataSource, member, { templateCode, memberId, idempotencyKey: key }, 'staff:test');

async function settle<T>(attempts: Array<Promise<T>>) {
  const outcomes = await Promise.allSettled(attempts);
  const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as { code?: string; details?: { reason?: string } }] : []));
  return { issued: outcomes.length - refusals.length, reasons: new Set(refusals.map((r) => `${r.code}:${r.details?.reason}`)) };
}

it('500 simultaneous claims against a stock of 100 issue exactly 100', async () => {
  await template('RUSH', 100, 1);
  const { issued, reasons } = await settle(Array.from({ length: 500 }, (_, i) => issue('RUSH', `member-${i}`, `rush-key-${i}`)));
  expect(issued).toBe(100);
  expect([...reasons]).toEqual(['CONFLICT:OUT_OF_STOCK']);
  expect(await dataSource.getRepository(Coupon).countBy({ templateCode: 'RUSH' })).toBe(100);
  expect((await dataSource.getRepository(CouponTemplate).findOneByOrFail({ code: 'RUSH' })).stockLeft).toBe(0);
  // Each coupon went to a different member: none got two under the limit of one.
  const holders = await dataSource.getRepository(Coupon).find({ where: { templateCode: 'RUSH' }, select: { memberId: true } });
  expect(new Set(holders.map((c) => c.memberId)).size).toBe(100);
});

it('60 simultaneous claims by one member against a limit of 3 issue exactly 3', async () => {
  await template('LIMIT3', 1000, 3);
  const { issued, reasons } = await settle(Array.from({ length: 60 }, (_, i) => issue('LIMIT3', 'member-7', `limit-key-${i}`)));
  expect(issued).toBe(3);
  expect([...reasons]).toEqual(['CONFLICT:PER_MEMBER_LIMIT']);
  expect(await dataSource.getRepository(Coupon).countBy({ templateCode: 'LIMIT3', memberId: 'member-7' })).toBe(3);
  expect(await dataSource.getRepository(CouponClaim).findOneByOrFail({ templateCode: 'LIMIT3', memberId: 'member-7' })).toMatchObject({
    issued: 3,
  });
  expect((await dataSource.getRepository(CouponTemplate).findOneByOrFail({ code: 'LIMIT3' })).stockLeft).toBe(997);
});

it('200 simultaneous claims against a budget for 25 coupons issue exactly 25, and the same key sent 20 times issues once', async () => {
  await template('BUDGET25', 1000, 1, '250.00');
  const { issued } = await settle(Array.from({ length: 200 }, (_, i) => issue('BUDGET25', `member-${i}`, `budget-key-${i}`)));
  expect(issued).toBe(25);
  expect(await dataSource.getRepository(CouponTemplate).findOneByOrFail({ code: 'BUDGET25' })).toMatchObject({
    stockLeft: 975,
    budgetLeftFen: 0,
  });

  await template('RETRY', 10, 5);
  const retries = await Promise.all(Array.from({ length: 20 }, () => issue('RETRY', 'member-1', 'retry-key-once')));
  expect(new Set(retries.map((r) => r.coupon.id)).size).toBe(1);
  expect(retries.filter((r) => !r.replayed)).toHaveLength(1);
  expect((await dataSource.getRepository(CouponTemplate).findOneByOrFail({ code: 'RETRY' })).stockLeft).toBe(9);
});

it('one coupon sent with 20 orders at once is used by exactly one of them', async () => {
  await template('RACE', 10, 1);
  member.add('racer', 'GOLD');
  const { coupon } = await issue('RACE', 'racer', 'race-key-once');
  const cart = { channel: 'WEB', items: [{ sku: 'A', quantity: 1, unitPrice: '50.00' }] };
  const { issued: redeemed, reasons } = await settle(
    Array.from({ length: 20 }, (_, i) =>
      redeemCoupons(dataSource, member, { memberId: 'racer', orderNo: `RACE-ORDER-${i}`, cart, couponIds: [coupon.id] }, 'member:racer'),
    ),
  );
  expect(redeemed).toBe(1);
  expect([...reasons].every((r) => r === 'CONFLICT:REDEEMED' || r === 'BAD_USER_INPUT:REDEEMED')).toBe(true);
  expect(await dataSource.getRepository(CouponRedemption).countBy({ memberId: 'racer' })).toBe(1);
  expect(await dataSource.getRepository(Coupon).findOneByOrFail({ id: coupon.id })).toMatchObject({ status: 'REDEEMED' });
});
