import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { memberSchema } from '../../db/data-source';
import { Member } from '../../db/entities/Member';
import { TierChange } from '../../db/entities/TierChange';
import { grantRewardTier } from '../grantRewardTier';
import { newMember } from './memberFixture';

let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(memberSchema);
});
afterAll(() => db.close());

const grant = (memberId: string, change: Partial<Parameters<typeof grantRewardTier>[1]> = {}) =>
  grantRewardTier(db.dataSource, {
    memberId,
    tierId: 'GOLD',
    reason: 'referral ladder: 5 friends',
    idempotencyKey: `REFERRAL:x:5:${memberId}`,
    ...change,
  });

describe('grantRewardTier (campaign rewards)', () => {
  it('puts the member on the tier once per key, recorded as GRANT with the campaign as actor', async () => {
    const member = await newMember(db.dataSource);
    expect(await grant(member.id)).toEqual({ memberId: member.id, tierId: 'GOLD', changed: true });
    expect(await grant(member.id)).toEqual({ memberId: member.id, tierId: 'GOLD', changed: false });
    const history = await db.dataSource.getRepository(TierChange).findBy({ memberId: member.id, reason: 'GRANT' });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ toTier: 'GOLD', actor: `campaign:REFERRAL:x:5:${member.id}` });
  });

  it('never lowers a member already on that tier or higher', async () => {
    const member = await newMember(db.dataSource);
    await db.dataSource.getRepository(Member).update({ id: member.id }, { tierId: 'DIAMOND' });
    expect(await grant(member.id)).toEqual({ memberId: member.id, tierId: 'DIAMOND', changed: false });
  });

  it.each([
    ['tierId', { tierId: 'PLATINUM' }],
    ['reason', { reason: '' }],
    ['idempotencyKey', { idempotencyKey: 'x' }],
  ])('refuses a bad %s, writing nothing', async (field, change) => {
    const member = await newMember(db.dataSource);
    const before = await snapshotDatabase(db.dataSource);
    await expect(grant(member.id, change)).rejects.toMatchObject({ details: { field } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('NOT_FOUND for a member that does not exist', async () => {
    await expect(grant('no-such-member')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
