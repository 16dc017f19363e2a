import type { DataSource } from 'typeorm';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { campaignSchema } from '../src/db/data-source';
import { ReferralMember } from '../src/db/entities/ReferralMember';
import { ReferralReward } from '../src/db/entities/ReferralReward';
import { referralFixture } from './referralFixture';

/**
 * The referral ladder under concurrency and retry, on the database the suite runs on (SQLite by
 * default, MySQL with DATABASE_URL, where registrations really run side by side): friends of one
 * referrer registering at once, every registration event delivered three times at once, the
 * services that grant rewards failing now and then — each rung is owed and granted exactly once.
 */
let dataSource: DataSource;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ dataSource, close: stop } = await openServiceTestDatabase(campaignSchema));
});
afterAll(() => stop?.());

it('eight friends registering at once, each event delivered three times, flaky peers: every rung once', async () => {
  const f = referralFixture(dataSource);
  await f.register('star');
  const code = await f.codeOf('star');
  f.peers.benefits.failNext = 3;
  f.peers.points.failNext = 1;
  f.peers.member.failNext = 1;
  const friends = Array.from({ length: 8 }, (_, i) => `friend-${i}`);
  const outcomes = await Promise.allSettled(friends.flatMap((friend) => [1, 2, 3].map(() => f.register(friend, code))));
  // A duplicate racing its first may lose on the primary key and answer as a replay; none fails.
  expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
  // The outbox retries what the flaky peers refused.
  for (let pass = 0; pass < 6; pass += 1) await f.outbox.dispatch(new Date(Date.now() + 3_600_000));

  const counted = await dataSource.getRepository(ReferralMember).countBy({ inviterId: 'star', status: 'COUNTED' });
  expect(counted).toBe(8);
  const rows = await dataSource.getRepository(ReferralReward).find({ where: { referrerId: 'star' } });
  const byRung = (rung: number) => rows.filter((r) => r.rung === rung);
  expect(
    byRung(1)
      .map((r) => r.beneficiaryId)
      .sort(),
  ).toHaveLength(2);
  expect(byRung(1).map((r) => r.beneficiaryId)).toContain('star');
  expect(byRung(3).map((r) => [r.beneficiaryId, r.points])).toEqual([['star', 50]]);
  expect(byRung(5).map((r) => [r.beneficiaryId, r.tierId])).toEqual([['star', 'GOLD']]);
  expect(rows).toHaveLength(4);
  expect(rows.every((r) => r.status === 'GRANTED')).toBe(true);
  // Downstream, one grant per key: the coupon twice (both), 50 points once, Gold once.
  expect(f.peers.benefits.coupons.map((c) => c.idempotencyKey).sort()).toEqual(
    byRung(1)
      .map((r) => r.idempotencyKey)
      .sort(),
  );
  expect(f.peers.points.awards).toEqual([
    expect.objectContaining({ memberId: 'star', points: 50, idempotencyKey: 'REFERRAL:star:3:star' }),
  ]);
  expect(f.peers.member.grants).toEqual([
    expect.objectContaining({ memberId: 'star', tierId: 'GOLD', idempotencyKey: 'REFERRAL:star:5:star' }),
  ]);
  await f.outbox.stop();
});

it('two referrers’ ladders run side by side without mixing', async () => {
  const f = referralFixture(dataSource);
  await Promise.all([f.register('left'), f.register('right')]);
  const [left, right] = await Promise.all([f.codeOf('left'), f.codeOf('right')]);
  await Promise.all(
    Array.from({ length: 5 }, (_, i) => [f.register(`l-${i}`, left), f.register(`r-${i}`, right), f.register(`l-${i}`, left)]).flat(),
  );
  const rows = await dataSource.getRepository(ReferralReward).find();
  for (const referrer of ['left', 'right']) {
    const mine = rows.filter((r) => r.referrerId === referrer);
    expect(mine.map((r) => r.rung).sort()).toEqual([1, 1, 3, 5]);
    expect(mine.every((r) => r.status === 'GRANTED')).toBe(true);
  }
  await f.outbox.stop();
});
