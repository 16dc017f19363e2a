import type { DataSource } from 'typeorm';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { addReferralRung } from '../src/commands/addReferralRung';
import { changeReferralRung } from '../src/commands/changeReferralRung';
import { releaseReferral } from '../src/commands/releaseReferral';
import { campaignSchema } from '../src/db/data-source';
import { ReferralDecision } from '../src/db/entities/ReferralDecision';
import { ReferralMember } from '../src/db/entities/ReferralMember';
import { ReferralReward } from '../src/db/entities/ReferralReward';
import { referralsInReview } from '../src/db/referralQueue';
import { referralFixture } from './referralFixture';

/**
 * Staff decisions on held referrals and ladder edits, on the database the suite runs on (SQLite by
 * default, MySQL with DATABASE_URL, where the releases really run side by side): releases of one
 * referral racing each other and the outbox grant once; two held friends of one inviter released
 * at once count 1 and 2; an edit between two invitations pays the second with the new rung.
 * The tests share one database and run in order (the last one edits the ladder).
 */
let dataSource: DataSource;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ dataSource, close: stop } = await openServiceTestDatabase(campaignSchema));
});
afterAll(() => stop?.());

const STAFF = 'staff:op-1';
const rewardsOf = async (referrerId: string) => dataSource.getRepository(ReferralReward).find({ where: { referrerId } });

it('the review queue pages longest held first, a decided referral still marking its place', async () => {
  const f = referralFixture(dataSource);
  await f.register('queue');
  const code = await f.codeOf('queue');
  for (const friend of ['q1', 'q2', 'q3']) {
    f.peers.risk.review.add(`queue>${friend}`);
    await f.register(friend, code);
  }
  const page = async (after: string | null) => (await referralsInReview(dataSource, 1, after)).map((r) => r.memberId);
  expect(await page(null)).toEqual(['q1']);
  expect(await page('q1')).toEqual(['q2']);
  await releaseReferral(dataSource, f.peers, { id: 'q2' }, STAFF);
  expect(await page('q2')).toEqual(['q3']);
  expect(await page('q3')).toEqual([]);
  await f.outbox.stop();
});

it('the review queue refuses an `after` that is not a referral instead of serving page 1 again', async () => {
  const f = referralFixture(dataSource);
  // Registered without an inviter: a member, but never in the queue.
  await f.register('not-referred');
  const refusal = { code: 'BAD_USER_INPUT', details: { field: 'after' } };
  await expect(referralsInReview(dataSource, 1, 'nobody-known')).rejects.toMatchObject(refusal);
  await expect(referralsInReview(dataSource, 1, 'not-referred')).rejects.toMatchObject(refusal);
  await expect(referralsInReview(dataSource, 1, 'x'.repeat(37))).rejects.toMatchObject(refusal);
  await f.outbox.stop();
});

it('five releases of one held referral at once, racing the outbox, flaky peers: counted once, each reward once', async () => {
  const f = referralFixture(dataSource);
  await f.register('host');
  const code = await f.codeOf('host');
  await f.register('h1', code);
  await f.register('h2', code);
  f.peers.risk.review.add('host>h3');
  await f.register('h3', code);
  expect(await dataSource.getRepository(ReferralMember).findOneByOrFail({ memberId: 'h3' })).toMatchObject({ status: 'REVIEW' });

  f.peers.points.failNext = 1;
  const release = () => releaseReferral(dataSource, f.peers, { id: 'h3', reason: 'known household' }, STAFF);
  const outcomes = await Promise.allSettled([release(), release(), f.outbox.dispatch(), release(), release(), release()]);
  expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
  for (let pass = 0; pass < 4; pass += 1) await f.outbox.dispatch(new Date(Date.now() + 3_600_000));

  expect(await dataSource.getRepository(ReferralMember).countBy({ inviterId: 'host', status: 'COUNTED' })).toBe(3);
  expect(await dataSource.getRepository(ReferralDecision).findBy({ memberId: 'h3' })).toEqual([
    expect.objectContaining({ decision: 'RELEASED', decidedBy: STAFF, reason: 'known household' }),
  ]);
  const third = (await rewardsOf('host')).filter((r) => r.rungId === 3);
  expect(third.map((r) => [r.beneficiaryId, r.points, r.status, r.idempotencyKey])).toEqual([
    ['host', 50, 'GRANTED', 'REFERRAL:host:3:host'],
  ]);
  expect(f.peers.points.awards).toEqual([
    expect.objectContaining({ memberId: 'host', points: 50, idempotencyKey: 'REFERRAL:host:3:host' }),
  ]);
  await f.outbox.stop();
});

it('two held friends of one inviter released at once count 1 and 2, not 1 and 1', async () => {
  const f = referralFixture(dataSource);
  await f.register('pair');
  const code = await f.codeOf('pair');
  for (const friend of ['p1', 'p2']) {
    f.peers.risk.review.add(`pair>${friend}`);
    await f.register(friend, code);
  }
  await Promise.all([releaseReferral(dataSource, f.peers, { id: 'p1' }, STAFF), releaseReferral(dataSource, f.peers, { id: 'p2' }, STAFF)]);
  const rows = await rewardsOf('pair');
  // The first rung once for the inviter and once for whichever friend completed it; nothing else (rung 3 is at three).
  expect(rows.filter((r) => r.beneficiaryId === 'pair').map((r) => r.rungId)).toEqual([1]);
  expect(rows).toHaveLength(2);
  expect(await dataSource.getRepository(ReferralMember).countBy({ inviterId: 'pair', status: 'COUNTED' })).toBe(2);
  await f.outbox.stop();
});

it('an edit between two invitations: the second friend is paid with the new rung, the first keeps the old version', async () => {
  const f = referralFixture(dataSource);
  await f.register('edit');
  const code = await f.codeOf('edit');
  await f.register('e1', code);
  // Staff add a rung at two friends and make the first rung points instead of a coupon.
  const added = await addReferralRung(
    dataSource,
    f.peers,
    { rung: { friends: 2, kind: 'POINTS', points: 30 }, reason: 'second-friend bonus' },
    STAFF,
  );
  const changed = await changeReferralRung(
    dataSource,
    f.peers,
    { rungId: 1, rung: { kind: 'POINTS', points: 20 }, reason: 'points instead of coupons' },
    STAFF,
  );
  await f.register('e2', code);
  const rows = await rewardsOf('edit');
  const byRung = (rungId: number) => rows.filter((r) => r.rungId === rungId).map((r) => [r.beneficiaryId, r.rungRevision, r.reward]);
  expect(byRung(1).sort()).toEqual([
    ['e1', 1, 'COUPON'],
    ['edit', 1, 'COUPON'],
  ]);
  expect(byRung(added.rungId)).toEqual([['edit', added.revision, 'POINTS']]);
  expect(rows).toHaveLength(3);
  expect(f.peers.points.awards).toEqual([
    expect.objectContaining({ memberId: 'edit', points: 30, idempotencyKey: `REFERRAL:edit:${added.rungId}:edit` }),
  ]);

  // A new referrer's first friend is paid with the changed first rung.
  await f.register('next');
  await f.register('n1', await f.codeOf('next'));
  expect((await rewardsOf('next')).map((r) => [r.beneficiaryId, r.rungRevision, r.reward, r.points]).sort()).toEqual([
    ['n1', changed.revision, 'POINTS', 20],
    ['next', changed.revision, 'POINTS', 20],
  ]);
  await f.outbox.stop();
});
