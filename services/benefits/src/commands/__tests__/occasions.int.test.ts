import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { benefitsSchema } from '../../db/data-source';
import { Coupon } from '../../db/entities/Coupon';
import { OccasionGrant } from '../../db/entities/OccasionGrant';
import { leasedBirthdays } from '../../jobs/scheduleBirthdays';
import { grantMilestoneReward } from '../grantMilestoneReward';
import { issueBirthdayBenefits } from '../issueBirthdayBenefits';
import { setOccasionReward } from '../setOccasionReward';
import { defineTemplate, memberDirectory } from './benefitsFixture';

let db: CommandDatabase;
beforeEach(async () => {
  db = await openCommandDatabase(benefitsSchema);
  // A birthday template any member may receive once a year for 20 years.
  await defineTemplate(db.dataSource, { code: 'BDAY_SILVER', name: 'Silver birthday gift', perMemberLimit: 20, stock: 1000 });
  await defineTemplate(db.dataSource, { code: 'BDAY_REGULAR', name: 'Birthday coupon', perMemberLimit: 20, stock: 1 });
  await defineTemplate(db.dataSource, { code: 'MYSTERY', name: 'Mystery gift', kind: 'GIFT', giftSku: 'MYSTERY-BOX', perMemberLimit: 20 });
  await setOccasionReward(db.dataSource, { occasion: 'BIRTHDAY', tierId: 'SILVER', templateCode: 'BDAY_SILVER' }, 'staff:ops');
  await setOccasionReward(db.dataSource, { occasion: 'BIRTHDAY', tierId: 'REGULAR', templateCode: 'BDAY_REGULAR' }, 'staff:ops');
  await setOccasionReward(db.dataSource, { occasion: 'TWELFTH_PURCHASE', templateCode: 'MYSTERY' }, 'staff:ops');
});
afterEach(() => db.close());

const OFFSET = 480; // Asia/Shanghai
/** 30 November 2026, 08:00 in Shanghai. */
const BIRTHDAY = new Date('2026-11-30T00:00:00Z');
const couponsOf = (memberId: string) => db.dataSource.getRepository(Coupon).findBy({ memberId });

function directory() {
  const member = memberDirectory({});
  member.add('m-silver-1', 'SILVER', '11-30');
  member.add('m-silver-2', 'SILVER', '11-30');
  member.add('m-regular-1', 'REGULAR', '11-30');
  member.add('m-regular-2', 'REGULAR', '11-30');
  member.add('m-gold', 'GOLD', '11-30'); // no birthday reward set for Gold
  member.add('m-other-day', 'SILVER', '12-01');
  return member;
}

describe('birthday rewards', () => {
  it("gives each member born today their tier's reward, paging through the member service", async () => {
    const member = directory();
    const run = await issueBirthdayBenefits(db.dataSource, member, { now: BIRTHDAY, utcOffsetMinutes: OFFSET, pageSize: 2 });
    // The regular template has one in stock: the second regular member is refused, and recorded.
    expect(run).toEqual({ date: '2026-11-30', members: 5, issued: 3, noReward: 1, refused: 1, replayed: 0 });
    expect(member.pagesAsked.map((p) => p.after)).toEqual(['', 'm-regular-1', 'm-silver-1']);
    expect((await couponsOf('m-silver-1')).map((c) => [c.templateCode, c.source])).toEqual([['BDAY_SILVER', 'BIRTHDAY']]);
    expect(await couponsOf('m-other-day')).toEqual([]);
    const refused = await db.dataSource.getRepository(OccasionGrant).findOneByOrFail({ memberId: 'm-regular-2' });
    expect(refused).toMatchObject({ grantKey: 'BIRTHDAY:2026:m-regular-2', outcome: 'REFUSED', reason: 'OUT_OF_STOCK', couponId: null });
  });

  it('gives nothing twice in a year: a second run, three runs at once, a later birthday in the same year', async () => {
    const member = directory();
    await issueBirthdayBenefits(db.dataSource, member, { now: BIRTHDAY, utcOffsetMinutes: OFFSET });
    const before = await snapshotDatabase(db.dataSource);
    const again = await Promise.all(
      [0, 1, 2].map(() => issueBirthdayBenefits(db.dataSource, member, { now: BIRTHDAY, utcOffsetMinutes: OFFSET })),
    );
    for (const run of again) expect(run).toMatchObject({ members: 5, issued: 0, replayed: 5 });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
    // The member moves their birthday to December: still this year's gift already given.
    member.birthdays.set('m-silver-1', '12-24');
    const december = await issueBirthdayBenefits(db.dataSource, member, {
      now: new Date('2026-12-24T02:00:00Z'),
      utcOffsetMinutes: OFFSET,
    });
    expect(december).toMatchObject({ members: 1, issued: 0, replayed: 1 });
    // Next year, again.
    member.birthdays.set('m-silver-1', '11-30');
    const nextYear = await issueBirthdayBenefits(db.dataSource, member, {
      now: new Date('2027-11-30T02:00:00Z'),
      utcOffsetMinutes: OFFSET,
    });
    expect(nextYear).toMatchObject({ issued: 2 });
    expect(await couponsOf('m-silver-1')).toHaveLength(2);
  });

  it('concurrent first runs issue one coupon per member (the grant key is the coupon’s idempotency key)', async () => {
    const member = directory();
    const runs = await Promise.all(
      [0, 1, 2, 3].map(() => issueBirthdayBenefits(db.dataSource, member, { now: BIRTHDAY, utcOffsetMinutes: OFFSET })),
    );
    expect(runs.reduce((n, r) => n + r.issued, 0)).toBe(3);
    for (const id of ['m-silver-1', 'm-silver-2', 'm-regular-1']) expect(await couponsOf(id)).toHaveLength(1);
    expect(await db.dataSource.getRepository(OccasionGrant).count()).toBe(5);
  });

  it('celebrates 29 February birthdays on 28 February of a common year, and the day is the programme’s', async () => {
    const member = memberDirectory({});
    member.add('m-leap', 'SILVER', '02-29');
    // 27 February 17:00 UTC is already 28 February 01:00 in Shanghai.
    const run = await issueBirthdayBenefits(db.dataSource, member, { now: new Date('2027-02-27T17:00:00Z'), utcOffsetMinutes: OFFSET });
    expect(run).toMatchObject({ date: '2027-02-28', issued: 1 });
    expect(member.pagesAsked[0].monthDays).toEqual(['02-28', '02-29']);
  });

  it('runs once a day under the lease: a second run that day is skipped', async () => {
    const member = directory();
    expect(await leasedBirthdays(db.dataSource, member, OFFSET, BIRTHDAY)).toMatchObject({ issued: 3 });
    expect(await leasedBirthdays(db.dataSource, member, OFFSET, new Date(BIRTHDAY.getTime() + 3_600_000))).toBeNull();
    expect(member.pagesAsked).toHaveLength(1);
  });

  it('fails the run when the member service is down, giving nothing, so the next attempt gives it', async () => {
    const member = directory();
    member.down = true;
    await expect(leasedBirthdays(db.dataSource, member, OFFSET, BIRTHDAY)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    member.down = false;
    expect(await leasedBirthdays(db.dataSource, member, OFFSET, BIRTHDAY)).toMatchObject({ issued: 3 });
  });
});

describe('milestone rewards', () => {
  const MILESTONE = { milestoneId: '3f1c2a8e-9b1d-4c7e-8f00-000000000012', memberId: 'm-silver-1', reachedAt: BIRTHDAY };

  it('rewards a milestone once however often it is delivered; a milestone with no reward set is recorded', async () => {
    const member = directory();
    const first = await grantMilestoneReward(db.dataSource, member, { ...MILESTONE, kind: 'TWELFTH_PURCHASE' });
    expect(first).toMatchObject({ replayed: false, grant: { outcome: 'ISSUED', occasion: 'TWELFTH_PURCHASE' } });
    const again = await Promise.all(
      [0, 1].map(() => grantMilestoneReward(db.dataSource, member, { ...MILESTONE, kind: 'TWELFTH_PURCHASE' })),
    );
    expect(again.map((a) => [a.replayed, a.grant.couponId])).toEqual([
      [true, first.grant.couponId],
      [true, first.grant.couponId],
    ]);
    expect((await couponsOf('m-silver-1')).map((c) => [c.templateCode, c.source])).toEqual([['MYSTERY', 'MILESTONE']]);
    const top = await grantMilestoneReward(db.dataSource, member, {
      ...MILESTONE,
      milestoneId: '3f1c2a8e-9b1d-4c7e-8f00-0000000000d1',
      kind: 'FIRST_TOP_TIER',
    });
    expect(top.grant).toMatchObject({ outcome: 'NO_REWARD', couponId: null });
  });

  it.each([
    ['milestone_id', { milestoneId: 'not-an-id' }],
    ['kind', { kind: 'BIRTHDAY' }],
    ['memberId', { memberId: '' }],
  ])('refuses a bad %s, writing nothing', async (field, change) => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(
      grantMilestoneReward(db.dataSource, directory(), { ...MILESTONE, kind: 'TWELFTH_PURCHASE', ...change }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field },
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});

describe('setOccasionReward', () => {
  it.each([
    ['tierId', { occasion: 'BIRTHDAY', templateCode: 'BDAY_SILVER' }, 'BAD_USER_INPUT'],
    ['tierId', { occasion: 'FIRST_TOP_TIER', tierId: 'GOLD', templateCode: 'MYSTERY' }, 'BAD_USER_INPUT'],
    ['occasion', { occasion: 'ANNIVERSARY', templateCode: 'MYSTERY' }, 'BAD_USER_INPUT'],
    ['templateCode', { occasion: 'FIRST_TOP_TIER', templateCode: 'NO_SUCH' }, 'NOT_FOUND'],
  ])('refuses a bad %s, writing nothing', async (field, input, code) => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(setOccasionReward(db.dataSource, input, 'staff:ops')).rejects.toMatchObject({ code, details: { field } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('takes a reward away with no template', async () => {
    expect(await setOccasionReward(db.dataSource, { occasion: 'TWELFTH_PURCHASE' }, 'staff:ops')).toEqual({
      occasion: 'TWELFTH_PURCHASE',
      reward: null,
    });
  });
});
