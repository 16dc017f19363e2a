import { snapshotDatabase } from '../../../../../test/harness/commandDatabase';
import { useReferralCommands } from '../../../test/referralFixture';
import { ReferralReward } from '../../db/entities/ReferralReward';
import { ReferralRungVersion } from '../../db/entities/ReferralRungVersion';
import { asRungVersion, loadRungVersions } from '../../db/referralLadder';
import { ladderAt } from '../../domain/referralLadder';
import { addReferralRung } from '../addReferralRung';
import { changeReferralRung } from '../changeReferralRung';
import { retireReferralRung } from '../retireReferralRung';

const f = useReferralCommands();

const STAFF = 'staff:op-1';
const ladder = async (at = new Date()) =>
  ladderAt((await loadRungVersions(f.dataSource)).map(asRungVersion), at).map((r) => [
    r.rungId,
    r.friends,
    r.reward,
    r.points ?? r.couponTemplate ?? r.tierId,
  ]);
const rewardsOf = async (referrerId: string) =>
  (await f.dataSource.getRepository(ReferralReward).find({ where: { referrerId }, order: { rung: 'ASC', beneficiaryId: 'ASC' } })).map(
    (r) => [r.rungId, r.rungRevision, r.rung, r.beneficiaryId, r.reward, r.points ?? r.couponTemplate ?? r.tierId],
  );
/** A referrer and `n` friends registering with their code (each counted on registration). */
async function invite(referrer: string, n: number, prefix = `${referrer}-f`) {
  if (!(await f.register(referrer)).replayed) await f.codeOf(referrer);
  const code = await f.codeOf(referrer);
  for (let i = 1; i <= n; i += 1) await f.register(`${prefix}${i}`, code);
}

describe('the seeded ladder', () => {
  it('is DOMAIN §5 as version 1 of rungs 1, 3 and 5, in force since before any member', async () => {
    expect(await ladder(new Date('2001-01-01T00:00:00Z'))).toEqual([
      [1, 1, 'COUPON', 'REFERRAL20'],
      [3, 3, 'POINTS', 50],
      [5, 5, 'TIER', 'GOLD'],
    ]);
    expect(await f.dataSource.getRepository(ReferralRungVersion).count()).toBe(3);
  });
});

describe('addReferralRung', () => {
  it('adds a rung (history kept, who and why), paid to referrers who reach it', async () => {
    const added = await addReferralRung(
      f.dataSource,
      f.peers,
      { rung: { friends: 2, kind: 'POINTS', points: 30 }, reason: 'double-up week' },
      STAFF,
    );
    expect(added).toMatchObject({
      revision: 4,
      rungId: 6,
      friends: 2,
      reward: 'POINTS',
      points: 30,
      actor: STAFF,
      reason: 'double-up week',
    });
    expect(await ladder()).toEqual([
      [1, 1, 'COUPON', 'REFERRAL20'],
      [6, 2, 'POINTS', 30],
      [3, 3, 'POINTS', 50],
      [5, 5, 'TIER', 'GOLD'],
    ]);
    await invite('amy', 2);
    expect(await rewardsOf('amy')).toEqual([
      [1, 1, 1, 'amy', 'COUPON', 'REFERRAL20'],
      [1, 1, 1, 'amy-f1', 'COUPON', 'REFERRAL20'],
      [6, 4, 2, 'amy', 'POINTS', 30],
    ]);
    expect(f.peers.points.awards).toEqual([
      { memberId: 'amy', points: 30, reason: 'referral ladder: 2 friends', idempotencyKey: 'REFERRAL:amy:6:amy' },
    ]);
  });

  it('a tier reward names a tier the member service has', async () => {
    const rung = await addReferralRung(
      f.dataSource,
      f.peers,
      { rung: { friends: 8, kind: 'TIER', tierId: 'DIAMOND' }, reason: 'top tier for 8' },
      STAFF,
    );
    expect(rung).toMatchObject({ rungId: 6, tierId: 'DIAMOND' });
  });

  it('a rung scheduled for later does not pay before it takes effect', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    await addReferralRung(
      f.dataSource,
      f.peers,
      { rung: { friends: 2, kind: 'POINTS', points: 30 }, effectiveFrom: tomorrow.toISOString(), reason: 'from tomorrow' },
      STAFF,
    );
    await invite('bea', 2);
    expect((await rewardsOf('bea')).map((r) => r[0])).toEqual([1, 1]);
    expect((await ladder(tomorrow)).map((r) => r[0])).toEqual([1, 6, 3, 5]);
  });
});

describe('changeReferralRung and retireReferralRung', () => {
  it('a moved rung is not paid again to a referrer it paid, and the paid reward keeps its version', async () => {
    await invite('cal', 3);
    const before = await rewardsOf('cal');
    expect(before).toContainEqual([3, 2, 3, 'cal', 'POINTS', 50]);
    // Rung 3 moves to 4 friends with 80 points: cal (paid at 3) is not paid at 4.
    const moved = await changeReferralRung(
      f.dataSource,
      f.peers,
      { rungId: 3, rung: { friends: 4, points: 80 }, reason: 'harder, richer' },
      STAFF,
    );
    expect(moved).toMatchObject({ revision: 4, rungId: 3, friends: 4, reward: 'POINTS', points: 80, retired: false });
    await invite('cal', 1, 'cal-late');
    expect(await rewardsOf('cal')).toEqual(before);
    // Another referrer reaching 4 gets the new version; the history keeps both.
    await invite('dee', 4);
    expect((await rewardsOf('dee')).find((r) => r[0] === 3)).toEqual([3, 4, 4, 'dee', 'POINTS', 80]);
    expect(
      (await f.dataSource.getRepository(ReferralRungVersion).find({ where: { rungId: 3 }, order: { revision: 'ASC' } })).map((v) => [
        v.revision,
        v.friends,
        v.points,
        v.actor,
      ]),
    ).toEqual([
      [2, 3, 50, 'system'],
      [4, 4, 80, STAFF],
    ]);
  });

  it('switching the kind drops the old figure; the first friend rung becomes points', async () => {
    const changed = await changeReferralRung(
      f.dataSource,
      f.peers,
      { rungId: 1, rung: { kind: 'POINTS', points: 20 }, reason: 'points instead of coupons' },
      STAFF,
    );
    expect(changed).toMatchObject({ friends: 1, reward: 'POINTS', points: 20, couponTemplate: null, inviteeToo: true });
    await invite('eli', 1);
    expect(await rewardsOf('eli')).toEqual([
      [1, 4, 1, 'eli', 'POINTS', 20],
      [1, 4, 1, 'eli-f1', 'POINTS', 20],
    ]);
  });

  it('a retired rung pays nothing from then on; a new rung may take its threshold', async () => {
    const retired = await retireReferralRung(f.dataSource, { rungId: 5, reason: 'no more free Gold' }, STAFF);
    expect(retired).toMatchObject({ rungId: 5, retired: true, tierId: 'GOLD' });
    await addReferralRung(f.dataSource, f.peers, { rung: { friends: 5, kind: 'POINTS', points: 200 }, reason: 'points for five' }, STAFF);
    await invite('fox', 5);
    expect((await rewardsOf('fox')).map((r) => [r[0], r[4]])).toEqual([
      [1, 'COUPON'],
      [1, 'COUPON'],
      [3, 'POINTS'],
      [6, 'POINTS'],
    ]);
    expect(f.peers.member.grants).toEqual([]);
  });
});

describe('bad input: a coded error, nothing written', () => {
  const add =
    (rung: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    () =>
      addReferralRung(f.dataSource, f.peers, { rung, reason: 'staff edit', ...extra }, STAFF);
  const change = (rungId: number, rung: Record<string, unknown>) => () =>
    changeReferralRung(f.dataSource, f.peers, { rungId, rung, reason: 'staff edit' }, STAFF);
  it.each([
    ['a threshold of 0', add({ friends: 0, kind: 'POINTS', points: 10 }), 'BAD_USER_INPUT', 'friends', 'THRESHOLD_NOT_POSITIVE'],
    ['a negative threshold', change(3, { friends: -1 }), 'BAD_USER_INPUT', 'friends', 'THRESHOLD_NOT_POSITIVE'],
    ['a threshold a live rung has', add({ friends: 3, kind: 'POINTS', points: 10 }), 'BAD_USER_INPUT', 'friends', 'DUPLICATE_THRESHOLD'],
    ['moving onto a live rung’s threshold', change(3, { friends: 5 }), 'BAD_USER_INPUT', 'friends', 'DUPLICATE_THRESHOLD'],
    ['an unknown reward kind', add({ friends: 2, kind: 'CASH', points: 10 }), 'BAD_USER_INPUT', 'kind', 'UNKNOWN_REWARD_KIND'],
    ['an unknown tier', add({ friends: 7, kind: 'TIER', tierId: 'PLATINUM' }), 'BAD_USER_INPUT', 'tierId', 'UNKNOWN_TIER'],
    ['an unknown tier on a change', change(5, { tierId: 'BRONZE' }), 'BAD_USER_INPUT', 'tierId', 'UNKNOWN_TIER'],
    ['negative points', add({ friends: 2, kind: 'POINTS', points: -50 }), 'BAD_USER_INPUT', 'points', 'NOT_POSITIVE_AMOUNT'],
    ['negative points on a change', change(3, { points: -5 }), 'BAD_USER_INPUT', 'points', 'NOT_POSITIVE_AMOUNT'],
    ['a coupon rung without its template', add({ friends: 2, kind: 'COUPON' }), 'BAD_USER_INPUT', 'couponTemplate', 'REWARD_REQUIRED'],
    [
      'a past effectiveFrom',
      add({ friends: 2, kind: 'POINTS', points: 5 }, { effectiveFrom: '2020-01-01T00:00:00Z' }),
      'BAD_USER_INPUT',
      'effectiveFrom',
      'IN_THE_PAST',
    ],
    ['a reason too short', add({ friends: 2, kind: 'POINTS', points: 5 }, { reason: 'x' }), 'BAD_USER_INPUT', 'reason', undefined],
    ['an unknown rung', change(42, { points: 5 }), 'NOT_FOUND', 'rungId', undefined],
    [
      'retiring an unknown rung',
      () => retireReferralRung(f.dataSource, { rungId: 42, reason: 'staff edit' }, STAFF),
      'NOT_FOUND',
      'rungId',
      undefined,
    ],
  ])('%s', async (_, attempt, code, field, reason) => {
    const before = await snapshotDatabase(f.dataSource);
    await expect(attempt()).rejects.toMatchObject({ code, details: { field, ...(reason ? { reason } : {}) } });
    expect(await snapshotDatabase(f.dataSource)).toEqual(before);
  });

  it('a retired rung cannot be changed or retired again', async () => {
    await retireReferralRung(f.dataSource, { rungId: 3, reason: 'staff edit' }, STAFF);
    const before = await snapshotDatabase(f.dataSource);
    await expect(change(3, { points: 5 })()).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'RUNG_RETIRED' } });
    await expect(retireReferralRung(f.dataSource, { rungId: 3, reason: 'staff edit' }, STAFF)).rejects.toMatchObject({
      details: { reason: 'RUNG_RETIRED' },
    });
    expect(await snapshotDatabase(f.dataSource)).toEqual(before);
  });
});
