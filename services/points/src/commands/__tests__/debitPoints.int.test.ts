import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { pointsSchema } from '../../db/data-source';
import { PointsLot } from '../../db/entities/PointsLot';
import { adjustPoints } from '../adjustPoints';
import { debitPoints } from '../debitPoints';
import { MemoryRisk } from '../../../test/memoryPorts';
import { memberDirectory, REGULAR, RULES } from './pointsFixture';

let db: CommandDatabase;
const risk = new MemoryRisk();
beforeAll(async () => {
  db = await openCommandDatabase(pointsSchema);
  const member = memberDirectory({ 'm-1': REGULAR });
  const staff = { name: 'staff:seed', subject: 'seed' };
  // Two lots, the older first: a debit takes the oldest lots first.
  const lots = [
    { points: 30, reason: 'older', idempotencyKey: 'seed-old', at: '2026-01-10T00:00:00Z' },
    { points: 70, reason: 'newer', idempotencyKey: 'seed-new', at: '2026-06-10T00:00:00Z' },
  ];
  for (const { at, ...lot } of lots) await adjustPoints(db.dataSource, member, RULES, { memberId: 'm-1', ...lot }, staff, new Date(at));
});
afterAll(() => db.close());

const debit = (change: Partial<Parameters<typeof debitPoints>[2]> = {}) =>
  debitPoints(
    db.dataSource,
    risk,
    {
      memberId: 'm-1',
      points: 40,
      source: 'REDEMPTION',
      sourceRef: 'GIFT-1',
      reason: 'a gift',
      idempotencyKey: 'redeem-0001',
      ...change,
    },
    'service',
  );

describe('debitPoints', () => {
  it('takes the oldest lots first, once per key', async () => {
    const first = await debit();
    expect(first).toMatchObject({ replayed: false, entry: { points: -40, balanceAfter: 60, entryType: 'REDEEM' } });
    const lots = await db.dataSource.getRepository(PointsLot).find({ where: { memberId: 'm-1' }, order: { earnedAt: 'ASC' } });
    expect(lots.map((lot) => lot.remaining)).toEqual([0, 60]);
    expect(await debit()).toMatchObject({ replayed: true, entry: { id: first.entry.id } });
  });

  it('asks risk first: a redemption is REDEEM, a checkout BURN, with the points', async () => {
    await debit({ points: 1, sourceRef: 'GIFT-3', idempotencyKey: 'redeem-0003' });
    await debit({ points: 1, source: 'CHECKOUT', sourceRef: 'ORD-3', idempotencyKey: 'checkout-0003' });
    expect(risk.assessed.slice(-2)).toEqual([
      { action: 'REDEEM', memberId: 'm-1', amountFen: 0, points: 1, channel: 'PARTNER', idempotencyKey: 'REDEEM:redeem-0003' },
      { action: 'BURN', memberId: 'm-1', amountFen: 0, points: 1, channel: 'PARTNER', idempotencyKey: 'BURN:checkout-0003' },
    ]);
  });

  it('fails closed: risk down is UNAVAILABLE and a denial RISK_DENIED, debiting nothing', async () => {
    const before = await snapshotDatabase(db.dataSource);
    risk.down = true;
    await expect(debit({ idempotencyKey: 'redeem-down' })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    risk.down = false;
    risk.decision = 'DENY';
    await expect(debit({ idempotencyKey: 'redeem-deny' })).rejects.toMatchObject({ code: 'RISK_DENIED' });
    risk.decision = 'ALLOW';
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it.each([
    ['points', 'BAD_USER_INPUT', { points: 0 }],
    ['source', 'BAD_USER_INPUT', { source: 'GIFT' }],
    ['sourceRef', 'BAD_USER_INPUT', { sourceRef: 'GIFT 1' }],
    ['idempotencyKey', 'BAD_USER_INPUT', { idempotencyKey: 'x' }],
    ['idempotencyKey', 'CONFLICT', { sourceRef: 'GIFT-2' }],
    ['points', 'INSUFFICIENT_POINTS', { points: 61, idempotencyKey: 'redeem-0002' }],
  ])('refuses a bad %s with %s, writing nothing', async (field, code, change) => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(debit(change)).rejects.toMatchObject({ code, details: { field } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
