import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { pointsSchema } from '../../db/data-source';
import { PointsLot } from '../../db/entities/PointsLot';
import { awardBonus } from '../awardBonus';
import { DIAMOND, memberDirectory, REGULAR, RULES } from './pointsFixture';

let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(pointsSchema);
});
afterAll(() => db.close());

const NOW = new Date('2026-11-30T08:00:00Z');
const member = memberDirectory({ 'm-1': REGULAR, 'm-2': DIAMOND });

describe('awardBonus', () => {
  it('pays each bonus once per member and kind; a redelivered event is a replay', async () => {
    expect(await awardBonus(db.dataSource, member, RULES, { memberId: 'm-1', kind: 'REGISTRATION' }, NOW)).toEqual({
      points: 100,
      balanceAfter: 100,
      replayed: false,
    });
    expect(await awardBonus(db.dataSource, member, RULES, { memberId: 'm-1', kind: 'REGISTRATION' }, NOW)).toEqual({
      points: 100,
      balanceAfter: 100,
      replayed: true,
    });
    expect(await awardBonus(db.dataSource, member, RULES, { memberId: 'm-1', kind: 'PROFILE_COMPLETION' }, NOW)).toEqual({
      points: 50,
      balanceAfter: 150,
      replayed: false,
    });
  });

  // Diamond no longer writes a never-expiring lot: the tier at expiry time holds it (expireLots.int.test.ts).
  it('gives the bonus lot its calendar expiry, on Diamond too', async () => {
    await awardBonus(db.dataSource, member, RULES, { memberId: 'm-2', kind: 'REGISTRATION' }, NOW);
    expect((await db.dataSource.getRepository(PointsLot).findOneByOrFail({ memberId: 'm-2' })).expiresAt).toEqual(
      new Date('2027-11-30T16:00:00Z'),
    );
  });

  it('answers zero without writing or asking when the programme has no such bonus', async () => {
    const before = await snapshotDatabase(db.dataSource);
    const asked = member.asked.length;
    const rules = { ...RULES, profileCompletionBonus: 0 };
    expect(await awardBonus(db.dataSource, member, rules, { memberId: 'm-3', kind: 'PROFILE_COMPLETION' }, NOW)).toEqual({
      points: 0,
      balanceAfter: 0,
      replayed: false,
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
    expect(member.asked.length).toBe(asked);
  });

  it.each([
    ['an unknown kind', 'BAD_USER_INPUT', { memberId: 'm-1', kind: 'BIRTHDAY' }],
    ['no member id', 'BAD_USER_INPUT', { memberId: '', kind: 'REGISTRATION' }],
    ['a member the member service does not know', 'NOT_FOUND', { memberId: 'nobody', kind: 'REGISTRATION' }],
  ])('refuses %s with %s, writing nothing', async (_, code, input) => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(awardBonus(db.dataSource, member, RULES, input, NOW)).rejects.toMatchObject({ code });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
