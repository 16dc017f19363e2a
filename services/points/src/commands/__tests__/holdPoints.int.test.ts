import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { MemoryRisk } from '../../../test/memoryPorts';
import { pointsSchema } from '../../db/data-source';
import { LedgerEntry } from '../../db/entities/LedgerEntry';
import { PointsAccount } from '../../db/entities/PointsAccount';
import { PointsHold } from '../../db/entities/PointsHold';
import { PointsLot } from '../../db/entities/PointsLot';
import { adjustPoints } from '../adjustPoints';
import { debitPoints } from '../debitPoints';
import { capturePoints, holdPoints, releaseExpiredHolds, releasePoints } from '../holdPoints';
import { memberDirectory, REGULAR, RULES } from './pointsFixture';

let db: CommandDatabase;
const risk = new MemoryRisk();
const TTL = 60_000;
beforeAll(async () => {
  db = await openCommandDatabase(pointsSchema);
  const member = memberDirectory({ 'm-1': REGULAR, 'm-2': REGULAR });
  const staff = { name: 'staff:seed', subject: 'seed' };
  const lots = [
    { memberId: 'm-1', points: 30, reason: 'older', idempotencyKey: 'seed-old-lot', at: '2026-01-10T00:00:00Z' },
    { memberId: 'm-1', points: 70, reason: 'newer', idempotencyKey: 'seed-new-lot', at: '2026-06-10T00:00:00Z' },
    { memberId: 'm-2', points: 50, reason: 'only', idempotencyKey: 'seed-m2-only', at: '2026-06-10T00:00:00Z' },
  ];
  for (const { at, ...lot } of lots) await adjustPoints(db.dataSource, member, RULES, lot, staff, new Date(at));
});
afterAll(() => db.close());

const hold = (change: Partial<Parameters<typeof holdPoints>[2]> = {}, now?: Date) =>
  holdPoints(
    db.dataSource,
    risk,
    { memberId: 'm-1', points: 40, holdKey: 'REWARD:hold-0001', sourceRef: 'RDM-1', reason: 'a reward', ...change },
    { ttlMs: TTL, now },
  );
const account = (memberId = 'm-1') => db.dataSource.getRepository(PointsAccount).findOneByOrFail({ memberId });
const ledgerSum = async (memberId = 'm-1') =>
  (await db.dataSource.getRepository(LedgerEntry).findBy({ memberId })).reduce((sum, e) => sum + e.points, 0);

describe('holdPoints → capturePoints', () => {
  it('takes the points out of the spendable balance at once, writes the REDEEM entry only at capture, oldest lots first', async () => {
    const held = await hold();
    expect(held).toMatchObject({ replayed: false, availableAfter: 60, hold: { state: 'HELD', points: 40 } });
    expect(await account()).toMatchObject({ balance: 100, held: 40 });
    expect(await ledgerSum()).toBe(100);
    // The same key again is a replay; a burn beyond what is spendable is refused.
    expect(await hold()).toMatchObject({ replayed: true, availableAfter: 60 });
    await expect(
      debitPoints(
        db.dataSource,
        risk,
        { memberId: 'm-1', points: 61, source: 'REDEMPTION', sourceRef: 'X', reason: 'x', idempotencyKey: 'burn-over-hold' },
        'service',
      ),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_POINTS' });

    const captured = await capturePoints(db.dataSource, 'REWARD:hold-0001');
    expect(captured).toMatchObject({ replayed: false, balanceAfter: 60 });
    expect(await account()).toMatchObject({ balance: 60, held: 0 });
    expect(await ledgerSum()).toBe(60);
    const entry = await db.dataSource.getRepository(LedgerEntry).findOneByOrFail({ id: captured.entryId });
    expect(entry).toMatchObject({
      entryType: 'REDEEM',
      points: -40,
      source: 'REDEMPTION',
      sourceRef: 'RDM-1',
      idempotencyKey: 'HOLD:REWARD:hold-0001',
    });
    const lots = await db.dataSource.getRepository(PointsLot).find({ where: { memberId: 'm-1' }, order: { earnedAt: 'ASC' } });
    expect(lots.map((l) => l.remaining)).toEqual([0, 60]);
    // A retried capture answers the same entry; a release after it says CAPTURED (the caller goes forward).
    expect(await capturePoints(db.dataSource, 'REWARD:hold-0001')).toEqual({ ...captured, replayed: true });
    expect(await releasePoints(db.dataSource, { holdKey: 'REWARD:hold-0001', memberId: 'm-1' })).toEqual({
      state: 'CAPTURED',
      replayed: true,
    });
    expect(await account()).toMatchObject({ balance: 60, held: 0 });
  });
});

describe('releasePoints', () => {
  it('gives a hold back once; a released hold can neither be captured nor held again', async () => {
    await hold({ holdKey: 'REWARD:hold-0002', points: 25 });
    expect(await account()).toMatchObject({ balance: 60, held: 25 });
    expect(await releasePoints(db.dataSource, { holdKey: 'REWARD:hold-0002', memberId: 'm-1' })).toEqual({
      state: 'RELEASED',
      replayed: false,
    });
    expect(await releasePoints(db.dataSource, { holdKey: 'REWARD:hold-0002', memberId: 'm-1' })).toEqual({
      state: 'RELEASED',
      replayed: true,
    });
    expect(await account()).toMatchObject({ balance: 60, held: 0 });
    await expect(capturePoints(db.dataSource, 'REWARD:hold-0002')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(hold({ holdKey: 'REWARD:hold-0002', points: 25 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await ledgerSum()).toBe(60);
  });

  it('of a key never held leaves a marker: the hold that arrives late (after its compensation) takes nothing', async () => {
    expect(await releasePoints(db.dataSource, { holdKey: 'REWARD:late-hold', memberId: 'm-1' })).toEqual({
      state: 'RELEASED',
      replayed: false,
    });
    const before = await snapshotDatabase(db.dataSource);
    await expect(hold({ holdKey: 'REWARD:late-hold', points: 0 + 5 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});

describe('the sweep', () => {
  it('releases holds past their expiry, and only those', async () => {
    const now = new Date();
    await hold({ holdKey: 'REWARD:expiring-1', points: 10 }, new Date(now.getTime() - 2 * TTL));
    await hold({ holdKey: 'REWARD:fresh-0001', points: 5 }, now);
    expect(await account()).toMatchObject({ held: 15 });
    expect(await releaseExpiredHolds(db.dataSource, now)).toEqual({ holds: 1, points: 10 });
    expect(await releaseExpiredHolds(db.dataSource, now)).toEqual({ holds: 0, points: 0 });
    expect(await account()).toMatchObject({ balance: 60, held: 5 });
    expect(await db.dataSource.getRepository(PointsHold).findOneByOrFail({ holdKey: 'REWARD:expiring-1' })).toMatchObject({
      state: 'RELEASED',
    });
    await expect(capturePoints(db.dataSource, 'REWARD:expiring-1')).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('bad input', () => {
  it.each([
    ['points', 'BAD_USER_INPUT', { points: 0 }],
    ['holdKey', 'BAD_USER_INPUT', { holdKey: 'short' }],
    ['sourceRef', 'BAD_USER_INPUT', { sourceRef: 'has space' }],
    ['points', 'INSUFFICIENT_POINTS', { memberId: 'm-2', points: 51, holdKey: 'REWARD:too-much-1' }],
    ['holdKey', 'CONFLICT', { memberId: 'm-2', holdKey: 'REWARD:hold-0001' }],
  ])('refuses a bad %s with %s, holding nothing', async (field, code, change) => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(hold(change)).rejects.toMatchObject({ code, details: { field } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('a capture of an unknown key is NOT_FOUND', async () => {
    await expect(capturePoints(db.dataSource, 'REWARD:never-held')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
