import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { pointsSchema } from '../../db/data-source';
import { LedgerEntry } from '../../db/entities/LedgerEntry';
import { checkIn } from '../checkIn';
import { memberDirectory, REGULAR, RULES } from './pointsFixture';

let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(pointsSchema);
});
afterAll(() => db.close());

const member = memberDirectory({ 'm-1': REGULAR, 'm-2': REGULAR });

describe('checkIn', () => {
  it('earns the check-in points once per day; a second check-in that day is answered, not paid', async () => {
    const morning = new Date('2026-11-30T01:00:00Z'); // 09:00 in UTC+8
    const first = await checkIn(db.dataSource, member, RULES, 'm-1', 'member:m-1', morning);
    expect(first).toEqual({ day: '2026-11-30', points: 5, balance: 5, alreadyCheckedIn: false });
    const evening = new Date('2026-11-30T15:59:59Z'); // 23:59:59 in UTC+8, still the same day
    expect(await checkIn(db.dataSource, member, RULES, 'm-1', 'member:m-1', evening)).toEqual({ ...first, alreadyCheckedIn: true });
    expect(await db.dataSource.getRepository(LedgerEntry).countBy({ memberId: 'm-1', source: 'CHECK_IN' })).toBe(1);
  });

  it('counts days in the programme time zone: 16:00 UTC is already the next day in UTC+8', async () => {
    const result = await checkIn(db.dataSource, member, RULES, 'm-2', 'member:m-2', new Date('2026-11-30T16:00:00Z'));
    expect(result).toMatchObject({ day: '2026-12-01', alreadyCheckedIn: false, balance: 5 });
    const entry = await db.dataSource.getRepository(LedgerEntry).findOneByOrFail({ idempotencyKey: 'CHECKIN:m-2:2026-12-01' });
    expect(entry).toMatchObject({ entryType: 'EARN', sourceRef: '2026-12-01', reason: 'daily check-in 2026-12-01' });
  });

  it('answers NOT_FOUND on memberId for a member the member service does not know, writing nothing', async () => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(checkIn(db.dataSource, member, RULES, 'nobody', 'member:nobody')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'memberId' },
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
