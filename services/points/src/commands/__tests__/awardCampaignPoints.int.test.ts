import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { pointsSchema } from '../../db/data-source';
import { awardCampaignPoints } from '../awardCampaignPoints';
import { memberDirectory, REGULAR, RULES } from './pointsFixture';

let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(pointsSchema);
});
afterAll(() => db.close());

const NOW = new Date('2026-11-30T08:00:00Z');
const member = memberDirectory({ 'm-1': REGULAR });
const award = (change: Partial<Parameters<typeof awardCampaignPoints>[3]> = {}) =>
  awardCampaignPoints(
    db.dataSource,
    member,
    RULES,
    { memberId: 'm-1', points: 50, reason: 'referral ladder: 3 friends', idempotencyKey: 'REFERRAL:m-0:3:m-1', ...change },
    NOW,
  );

describe('awardCampaignPoints', () => {
  it('credits the campaign’s points once per key; a retry answers the first entry', async () => {
    expect(await award()).toEqual({ points: 50, balanceAfter: 50, replayed: false });
    expect(await award()).toEqual({ points: 50, balanceAfter: 50, replayed: true });
    expect(await award({ idempotencyKey: 'CAMPAIGN:c-1:ACTION:x' })).toEqual({ points: 50, balanceAfter: 100, replayed: false });
  });

  it.each([
    ['points', { points: 0 }],
    ['points', { points: -5 }],
    ['idempotencyKey', { idempotencyKey: 'short' }],
    ['reason', { reason: '' }],
    ['memberId', { memberId: 'nobody' }],
  ])('refuses a bad %s, writing nothing', async (field, change) => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(award(change)).rejects.toMatchObject({ details: { field } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
