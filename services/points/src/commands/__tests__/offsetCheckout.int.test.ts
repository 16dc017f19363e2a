import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { pointsSchema } from '../../db/data-source';
import { LedgerEntry } from '../../db/entities/LedgerEntry';
import { adjustPoints } from '../adjustPoints';
import { offsetCheckout } from '../offsetCheckout';
import { memberDirectory, REGULAR, RULES } from './pointsFixture';

let db: CommandDatabase;
const member = memberDirectory({ 'm-1': REGULAR });
beforeAll(async () => {
  db = await openCommandDatabase(pointsSchema);
  const seed = { memberId: 'm-1', points: 1000, reason: 'opening balance', idempotencyKey: 'seed-m-1' };
  await adjustPoints(db.dataSource, member, RULES, seed, { name: 'staff:seed', subject: 'seed' });
});
afterAll(() => db.close());

const checkout = (change: Partial<{ memberId: string; orderNo: string; offset: string; idempotencyKey: string }> = {}) =>
  offsetCheckout(
    db.dataSource,
    member,
    RULES.pointsPerCnyOffset,
    { memberId: 'm-1', orderNo: 'ORD-1', offset: '1.00', idempotencyKey: 'checkout-1', ...change },
    'member:m-1',
  );

describe('offsetCheckout', () => {
  it('takes 100 points per CNY off the checkout, rounding the points up', async () => {
    expect(await checkout({ orderNo: 'ORD-A', offset: '2.50', idempotencyKey: 'checkout-a' })).toEqual({
      orderNo: 'ORD-A',
      pointsUsed: 250,
      offset: '2.50',
      balance: 750,
      replayed: false,
    });
    // The smallest offset, one fen, costs one point at 100 points per CNY.
    expect(await checkout({ orderNo: 'ORD-B', offset: '0.01', idempotencyKey: 'checkout-b' })).toMatchObject({
      pointsUsed: 1,
      balance: 749,
    });
    expect(
      await offsetCheckout(
        db.dataSource,
        member,
        30,
        { memberId: 'm-1', orderNo: 'ORD-C', offset: '0.05', idempotencyKey: 'checkout-c' },
        'x',
      ),
    ).toMatchObject({ pointsUsed: 2, balance: 747 }); // 1.5 points → 2
  });

  it('answers a retry with the same key as a replay, debiting once', async () => {
    const first = await checkout({ orderNo: 'ORD-R', idempotencyKey: 'checkout-r' });
    const again = await checkout({ orderNo: 'ORD-R', idempotencyKey: 'checkout-r' });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await db.dataSource.getRepository(LedgerEntry).countBy({ idempotencyKey: 'DEBIT:checkout-r' })).toBe(1);
  });

  it('refuses the same key for another order with CONFLICT, writing nothing', async () => {
    await checkout({ orderNo: 'ORD-K', idempotencyKey: 'checkout-k' });
    const before = await snapshotDatabase(db.dataSource);
    await expect(checkout({ orderNo: 'ORD-OTHER', idempotencyKey: 'checkout-k' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('refuses more than the balance with INSUFFICIENT_POINTS, writing nothing', async () => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(checkout({ orderNo: 'ORD-BIG', offset: '1000.00', idempotencyKey: 'checkout-big' })).rejects.toMatchObject({
      code: 'INSUFFICIENT_POINTS',
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it.each([
    ['offset', 'BAD_USER_INPUT', { offset: '0.00' }],
    ['offset', 'BAD_USER_INPUT', { offset: '-1' }],
    ['offset', 'BAD_USER_INPUT', { offset: '1.001' }],
    ['sourceRef', 'BAD_USER_INPUT', { orderNo: 'ORDER 1' }],
    ['sourceRef', 'BAD_USER_INPUT', { orderNo: 'O'.repeat(65) }],
    ['idempotencyKey', 'BAD_USER_INPUT', { idempotencyKey: 'short' }],
    ['memberId', 'BAD_USER_INPUT', { memberId: '' }],
    ['memberId', 'NOT_FOUND', { memberId: 'nobody' }],
  ])('refuses a bad %s with %s, writing nothing', async (field, code, change) => {
    const before = await snapshotDatabase(db.dataSource);
    const asked = member.asked.length;
    await expect(checkout({ orderNo: 'ORD-X', idempotencyKey: 'checkout-x', ...change })).rejects.toMatchObject({
      code,
      details: { field },
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
    if (code === 'BAD_USER_INPUT') expect(member.asked.length).toBe(asked);
  });
});
