import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { DomainError } from '../../../../kit/src';
import { memberSchema } from '../../db/data-source';
import { Member } from '../../db/entities/Member';
import { OutboxEventSchema } from '../../../../kit/src';
import { updateProfile } from '../updateProfile';
import { newMember } from './memberFixture';

let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(memberSchema);
});
afterAll(() => db.close());

const NOW = new Date('2026-11-30T08:00:00Z');
const COMPLETE = { name: 'Li Wei', birthday: '1990-05-01', gender: 'FEMALE', email: 'Li.Wei@Example.com' };

/** The deliveries a command asked for (the in-memory port of the member's outbox delivery). */
function deliveries() {
  const delivered: string[] = [];
  return { delivered, deliver: async (memberId: string) => void delivered.push(memberId) };
}

const completionEvents = (memberId: string) =>
  db.dataSource.getRepository(OutboxEventSchema).countBy({ key: memberId, type: 'member.profile_completed' });

describe('updateProfile', () => {
  it('changes only the fields given', async () => {
    const { id } = await newMember(db.dataSource);
    const { deliver, delivered } = deliveries();
    await updateProfile(db.dataSource, deliver, { memberId: id, input: { name: ' Li Wei ' } }, NOW);
    await updateProfile(db.dataSource, deliver, { memberId: id, input: { gender: 'MALE' } }, NOW);
    const member = await db.dataSource.getRepository(Member).findOneByOrFail({ id });
    expect(member).toMatchObject({ name: 'Li Wei', gender: 'MALE', birthday: null, email: null, profileCompletedAt: null });
    expect(delivered).toEqual([]);
  });

  it('announces the completion bonus once, the first time the profile is complete, and delivers it', async () => {
    const { id } = await newMember(db.dataSource);
    const { deliver, delivered } = deliveries();
    await updateProfile(db.dataSource, deliver, { memberId: id, input: COMPLETE }, NOW);
    expect(await completionEvents(id)).toBe(1);
    expect(delivered).toEqual([id]);
    const member = await db.dataSource.getRepository(Member).findOneByOrFail({ id });
    expect(member.email).toBe('li.wei@example.com');
    expect(member.profileCompletedAt).toEqual(NOW);

    // Completing it again (another name) is no second bonus.
    await updateProfile(db.dataSource, deliver, { memberId: id, input: { name: 'Li Wei 2' } }, new Date(NOW.getTime() + 1000));
    expect(await completionEvents(id)).toBe(1);
    expect(delivered).toEqual([id]);
    expect((await db.dataSource.getRepository(Member).findOneByOrFail({ id })).profileCompletedAt).toEqual(NOW);
  });

  it('refuses a member under 14 without a guardian’s consent (guardianConsent, BAD_USER_INPUT), writing nothing', async () => {
    const { id } = await newMember(db.dataSource);
    const before = await snapshotDatabase(db.dataSource);
    const { deliver, delivered } = deliveries();
    await expect(updateProfile(db.dataSource, deliver, { memberId: id, input: { birthday: '2015-01-01' } }, NOW)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'guardianConsent' },
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
    expect(delivered).toEqual([]);
  });

  it('accepts a minor with the guardian’s consent and keeps the consent for later updates', async () => {
    const { id } = await newMember(db.dataSource);
    const { deliver } = deliveries();
    await updateProfile(db.dataSource, deliver, { memberId: id, input: { birthday: '2015-01-01', guardianConsent: true } }, NOW);
    await updateProfile(db.dataSource, deliver, { memberId: id, input: { name: 'Xiao Ming' } }, NOW);
    const member = await db.dataSource.getRepository(Member).findOneByOrFail({ id });
    expect(member).toMatchObject({ birthday: '2015-01-01', name: 'Xiao Ming', guardianConsentAt: NOW });
  });

  it('takes a 14th birthday as no longer a minor', async () => {
    const { id } = await newMember(db.dataSource);
    const { deliver } = deliveries();
    await updateProfile(db.dataSource, deliver, { memberId: id, input: { birthday: '2012-11-30' } }, NOW);
    expect((await db.dataSource.getRepository(Member).findOneByOrFail({ id })).guardianConsentAt).toBeNull();
  });

  it.each([
    ['name', { name: '   ' }],
    ['name', { name: 'x'.repeat(65) }],
    ['birthday', { birthday: '2026-02-30' }],
    ['birthday', { birthday: '2099-01-01' }],
    ['gender', { gender: 'ROBOT' }],
    ['email', { email: 'not-an-address' }],
  ])('refuses a bad %s with BAD_USER_INPUT on that field, writing nothing', async (field, input) => {
    const { id } = await newMember(db.dataSource);
    const before = await snapshotDatabase(db.dataSource);
    const error = await updateProfile(db.dataSource, async () => undefined, { memberId: id, input }, NOW).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('answers NOT_FOUND on memberId for an unknown member', async () => {
    await expect(updateProfile(db.dataSource, async () => undefined, { memberId: 'nobody', input: COMPLETE }, NOW)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'memberId' },
    });
  });
});
