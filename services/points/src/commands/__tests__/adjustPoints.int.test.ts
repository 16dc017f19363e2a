import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { pointsSchema } from '../../db/data-source';
import { LedgerEntry } from '../../db/entities/LedgerEntry';
import { PointsLot } from '../../db/entities/PointsLot';
import { adjustPoints } from '../adjustPoints';
import { DIAMOND, memberDirectory, REGULAR, RULES } from './pointsFixture';

let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(pointsSchema);
});
afterAll(() => db.close());

const NOW = new Date('2026-11-30T08:00:00Z');
const STAFF = { name: 'staff:op-1', subject: 'op-1' };
const member = memberDirectory({ 'm-regular': REGULAR, 'm-diamond': DIAMOND, 'm-bad': REGULAR });

describe('adjustPoints', () => {
  it('credits a lot that expires like earned points, with who and why in the ledger', async () => {
    const { entry, replayed } = await adjustPoints(
      db.dataSource,
      member,
      RULES,
      { memberId: 'm-regular', points: 200, reason: ' goodwill for a late delivery ', idempotencyKey: 'adjust-0001' },
      STAFF,
      NOW,
    );
    expect(replayed).toBe(false);
    expect(entry).toMatchObject({ entryType: 'ADJUST', points: 200, balanceAfter: 200, source: 'STAFF', sourceRef: 'op-1' });
    const stored = await db.dataSource.getRepository(LedgerEntry).findOneByOrFail({ id: entry.id });
    expect(stored).toMatchObject({ reason: 'goodwill for a late delivery', actor: 'staff:op-1', idempotencyKey: 'ADJUST:adjust-0001' });
    // Earned in November 2026 (UTC+8): expires at the end of November 2027, programme time.
    const [lot] = await db.dataSource.getRepository(PointsLot).findBy({ entryId: entry.id });
    expect(lot.expiresAt).toEqual(new Date('2027-11-30T16:00:00Z'));
  });

  // Diamond no longer writes a never-expiring lot: the tier at expiry time holds it (expireLots.int.test.ts).
  it('on a tier whose points never expire, still carries the calendar expiry', async () => {
    const { entry } = await adjustPoints(
      db.dataSource,
      member,
      RULES,
      { memberId: 'm-diamond', points: 10, reason: 'goodwill', idempotencyKey: 'adjust-diamond' },
      STAFF,
      NOW,
    );
    expect((await db.dataSource.getRepository(PointsLot).findOneByOrFail({ entryId: entry.id })).expiresAt).toEqual(
      new Date('2027-11-30T16:00:00Z'),
    );
  });

  it('takes points away too, and a repeat of the same key is a replay, not a second move', async () => {
    const input = { memberId: 'm-regular', points: -50, reason: 'duplicate credit', idempotencyKey: 'adjust-0002' };
    const first = await adjustPoints(db.dataSource, member, RULES, input, STAFF, NOW);
    const again = await adjustPoints(db.dataSource, member, RULES, input, STAFF, NOW);
    expect(first.entry.balanceAfter).toBe(150);
    expect(again).toMatchObject({ replayed: true, entry: { id: first.entry.id, balanceAfter: 150 } });
    expect(await db.dataSource.getRepository(LedgerEntry).countBy({ idempotencyKey: 'ADJUST:adjust-0002' })).toBe(1);
  });

  it('refuses a reused key for a different adjustment with CONFLICT', async () => {
    const input = { memberId: 'm-regular', points: 7, reason: 'goodwill', idempotencyKey: 'adjust-0003' };
    await adjustPoints(db.dataSource, member, RULES, input, STAFF, NOW);
    await expect(adjustPoints(db.dataSource, member, RULES, { ...input, points: 8 }, STAFF, NOW)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { field: 'idempotencyKey' },
    });
  });

  it('accepts a reason of 3 and of 255 characters (the kit rule, which points now shares)', async () => {
    for (const reason of ['abc', 'r'.repeat(255)]) {
      const key = `adjust-len-${reason.length}`;
      const input = { memberId: 'm-regular', points: 1, reason, idempotencyKey: key };
      await expect(adjustPoints(db.dataSource, member, RULES, input, STAFF, NOW)).resolves.toMatchObject({ replayed: false });
    }
  });

  it.each([
    ['points', 'BAD_USER_INPUT', { points: 0 }],
    ['points', 'BAD_USER_INPUT', { points: 1.5 }],
    ['points', 'BAD_USER_INPUT', { points: 1_000_001 }],
    ['points', 'BAD_USER_INPUT', { points: -1_000_001 }],
    ['reason', 'BAD_USER_INPUT', { reason: ' ab ' }],
    ['reason', 'BAD_USER_INPUT', { reason: 'r'.repeat(256) }],
    ['idempotencyKey', 'BAD_USER_INPUT', { idempotencyKey: 'short' }],
    ['idempotencyKey', 'BAD_USER_INPUT', { idempotencyKey: 'has a space' }],
    ['memberId', 'NOT_FOUND', { memberId: 'nobody' }],
  ])('refuses a bad %s with %s, writing nothing', async (field, code, change) => {
    const input = { memberId: 'm-bad', points: 10, reason: 'goodwill', idempotencyKey: 'adjust-bad-1', ...change };
    const before = await snapshotDatabase(db.dataSource);
    const asked = member.asked.length;
    await expect(adjustPoints(db.dataSource, member, RULES, input, STAFF, NOW)).rejects.toMatchObject({ code, details: { field } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
    // Bad input is refused before the member service is asked.
    if (code === 'BAD_USER_INPUT') expect(member.asked.length).toBe(asked);
  });
});
