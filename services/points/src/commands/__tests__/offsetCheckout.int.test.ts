import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { recordedOrder } from '../../../../../test/harness/recordedOrder';
import { pointsSchema } from '../../db/data-source';
import { LedgerEntry } from '../../db/entities/LedgerEntry';
import { adjustPoints } from '../adjustPoints';
import { offsetCheckout } from '../offsetCheckout';
import { MemoryRisk } from '../../../test/memoryPorts';
import { memberDirectory, REGULAR, RULES } from './pointsFixture';

let db: CommandDatabase;
const member = memberDirectory({ 'm-1': REGULAR, 'm-2': REGULAR });
const recorded = (orderNo: string, memberId = 'm-1', amountFen = 10_000) => recordedOrder(db.dataSource, { orderNo, memberId, amountFen });
const risk = new MemoryRisk();
beforeAll(async () => {
  db = await openCommandDatabase(pointsSchema);
  const seed = { memberId: 'm-1', points: 1000, reason: 'opening balance', idempotencyKey: 'seed-m-1' };
  await adjustPoints(db.dataSource, member, RULES, seed, { name: 'staff:seed', subject: 'seed' });
  for (const orderNo of ['ORD-A', 'ORD-B', 'ORD-C', 'ORD-R', 'ORD-K', 'ORD-OTHER', 'ORD-X', 'ORD-T', 'ORD-RISK', 'ORD-DOWN', 'ORD-DENY'])
    await recorded(orderNo);
  await recorded('ORD-BIG', 'm-1', 200_000);
  await recorded('ORD-THEIRS', 'm-2');
  await recorded('ORD-SMALL', 'm-1', 50);
});
afterAll(() => db.close());

const checkout = (change: Partial<{ memberId: string; orderNo: string; offset: string; idempotencyKey: string }> = {}) =>
  offsetCheckout(
    db.dataSource,
    { member, risk },
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
        { member, risk },
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

  it('ties the offset to the order: what it took from which lot', async () => {
    await checkout({ orderNo: 'ORD-T', offset: '0.30', idempotencyKey: 'checkout-t' });
    const [row] = await db.dataSource.query(
      "SELECT order_no, member_id, points, offset_fen, taken, points_returned FROM points_order_offsets WHERE idempotency_key = 'DEBIT:checkout-t'",
    );
    expect({ ...row, offset_fen: Number(row.offset_fen), taken: JSON.parse(row.taken) }).toEqual({
      order_no: 'ORD-T',
      member_id: 'm-1',
      points: 30,
      offset_fen: 30,
      taken: [{ points: 30, expiresAt: expect.any(String) }],
      points_returned: 0,
    });
  });

  it.each([
    ['orderNo', 'NOT_FOUND', { orderNo: 'ORD-UNKNOWN' }],
    ['orderNo', 'BAD_USER_INPUT', { orderNo: 'ORD-THEIRS' }],
    ['offset', 'BAD_USER_INPUT', { orderNo: 'ORD-SMALL', offset: '0.51' }],
  ])(
    'refuses an offset on an unknown or another member’s order, or beyond its amount (%s: %s), writing nothing',
    async (field, code, change) => {
      await checkout({ orderNo: 'ORD-SMALL', offset: '0.01', idempotencyKey: 'checkout-small-first' });
      const before = await snapshotDatabase(db.dataSource);
      await expect(checkout({ idempotencyKey: 'checkout-x-2', ...change })).rejects.toMatchObject({ code, details: { field } });
      expect(await snapshotDatabase(db.dataSource)).toEqual(before);
    },
  );
  it('asks risk first with the points and where the caller came from; a review lets the burn through', async () => {
    risk.decision = 'REVIEW';
    const client = { channel: 'MINI_PROGRAM', ip: '10.1.2.3' };
    const input = { memberId: 'm-1', orderNo: 'ORD-RISK', offset: '0.20', idempotencyKey: 'checkout-risk', client };
    expect(await offsetCheckout(db.dataSource, { member, risk }, 100, input, 'member:m-1')).toMatchObject({
      pointsUsed: 20,
      replayed: false,
    });
    risk.decision = 'ALLOW';
    expect(risk.assessed.at(-1)).toEqual({
      action: 'BURN',
      memberId: 'm-1',
      amountFen: 0,
      points: 20,
      channel: 'MINI_PROGRAM',
      store: null,
      ip: '10.1.2.3',
      idempotencyKey: 'BURN:checkout-risk',
    });
  });

  it('fails closed: risk down is UNAVAILABLE and a denial RISK_DENIED, spending nothing', async () => {
    const before = await snapshotDatabase(db.dataSource);
    risk.down = true;
    await expect(checkout({ orderNo: 'ORD-DOWN', idempotencyKey: 'checkout-down' })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: 'risk control did not answer, so no points are spent; retry later',
    });
    risk.down = false;
    risk.decision = 'DENY';
    await expect(checkout({ orderNo: 'ORD-DENY', idempotencyKey: 'checkout-deny' })).rejects.toMatchObject({
      code: 'RISK_DENIED',
      message: 'refused by risk control: test rule',
    });
    risk.decision = 'ALLOW';
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
