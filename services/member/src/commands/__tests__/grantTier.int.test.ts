import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { memberSchema } from '../../db/data-source';
import { Member } from '../../db/entities/Member';
import { TierChange } from '../../db/entities/TierChange';
import { grantTier } from '../grantTier';
import { newMember } from './memberFixture';

let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(memberSchema);
});
afterAll(() => db.close());

const NOW = new Date('2026-11-30T08:00:00Z');
const ACTOR = 'staff:operator-1';

describe('grantTier', () => {
  it('puts the member on the tier, marked GRANTED with its expiry, and records who and why in the history', async () => {
    const { id } = await newMember(db.dataSource);
    await grantTier(
      db.dataSource,
      { memberId: id, tierId: 'GOLD', reason: '  VIP complaint resolution  ', expiresAt: '2027-01-01T00:00:00+08:00' },
      ACTOR,
      NOW,
    );
    const member = await db.dataSource.getRepository(Member).findOneByOrFail({ id });
    expect(member).toMatchObject({
      tierId: 'GOLD',
      tierSource: 'GRANTED',
      tierSince: NOW,
      grantExpiresAt: new Date('2026-12-31T16:00:00Z'),
    });
    const history = await db.dataSource.getRepository(TierChange).findBy({ memberId: id, reason: 'GRANT' });
    expect(history).toEqual([
      expect.objectContaining({ fromTier: 'REGULAR', toTier: 'GOLD', note: 'VIP complaint resolution', actor: ACTOR, at: NOW }),
    ]);
  });

  it('grants without an expiry until changed', async () => {
    const { id } = await newMember(db.dataSource);
    await grantTier(db.dataSource, { memberId: id, tierId: 'SILVER', reason: 'store opening', expiresAt: null }, ACTOR, NOW);
    expect(await db.dataSource.getRepository(Member).findOneByOrFail({ id })).toMatchObject({ tierId: 'SILVER', grantExpiresAt: null });
  });

  it.each([
    ['reason', 'BAD_USER_INPUT', { tierId: 'GOLD', reason: 'no' }],
    ['reason', 'BAD_USER_INPUT', { tierId: 'GOLD', reason: 'x'.repeat(256) }],
    ['expiresAt', 'BAD_USER_INPUT', { tierId: 'GOLD', reason: 'a reason', expiresAt: '2026-11-30T07:00:00Z' }],
    ['expiresAt', 'BAD_USER_INPUT', { tierId: 'GOLD', reason: 'a reason', expiresAt: '2027-01-01' }],
    ['tierId', 'NOT_FOUND', { tierId: 'PLATINUM', reason: 'a reason' }],
  ])('refuses a bad %s with %s, writing nothing', async (field, code, input) => {
    const { id } = await newMember(db.dataSource);
    const before = await snapshotDatabase(db.dataSource);
    await expect(grantTier(db.dataSource, { memberId: id, ...input }, ACTOR, NOW)).rejects.toMatchObject({ code, details: { field } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('answers NOT_FOUND on memberId for an unknown member, writing nothing', async () => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(grantTier(db.dataSource, { memberId: 'nobody', tierId: 'GOLD', reason: 'a reason' }, ACTOR, NOW)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'memberId' },
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
