import { snapshotDatabase } from '../../../../../test/harness/commandDatabase';
import { useReferralCommands } from '../../../test/referralFixture';
import { ReferralDecision } from '../../db/entities/ReferralDecision';
import { ReferralMember } from '../../db/entities/ReferralMember';
import { ReferralReward } from '../../db/entities/ReferralReward';
import { referralsInReview } from '../../db/referralQueue';
import { changeReferralRung } from '../changeReferralRung';
import { rejectReferral } from '../rejectReferral';
import { releaseReferral } from '../releaseReferral';

const f = useReferralCommands();

const STAFF = 'staff:op-1';
const release = (id: string, reason?: string) => releaseReferral(f.dataSource, f.peers, { id, reason }, STAFF);
const reject = (id: string, reason: string) => rejectReferral(f.dataSource, { id, reason }, STAFF);
const rewardsOf = async (referrerId: string) =>
  (await f.dataSource.getRepository(ReferralReward).find({ where: { referrerId }, order: { rung: 'ASC', beneficiaryId: 'ASC' } })).map(
    (r) => [r.rungId, r.rungRevision, r.beneficiaryId, r.reward, r.idempotencyKey, r.status],
  );
const referral = (memberId: string) => f.dataSource.getRepository(ReferralMember).findOneByOrFail({ memberId });

/** `referrer` invites `friends`; those risk holds for review are named in `held`. */
async function invite(referrer: string, friends: string[], held: string[] = []) {
  await f.register(referrer);
  const code = await f.codeOf(referrer);
  for (const friend of held) f.peers.risk.review.add(`${referrer}>${friend}`);
  for (const friend of friends) await f.register(friend, code);
}

describe('referrals held for REVIEW', () => {
  it('wait in the queue, longest held first, with risk’s reason, counting for nothing', async () => {
    await invite('ann', ['a1', 'a2', 'a3'], ['a1', 'a3']);
    expect(await referral('a1')).toMatchObject({ status: 'REVIEW', riskReason: 'inviter and invitee share device d-1' });
    expect((await referral('a1')).heldAt).toBeInstanceOf(Date);
    const queue = await referralsInReview(f.dataSource, 20, null);
    expect(queue.map((r) => r.memberId)).toEqual(['a1', 'a3']);
    expect((await referralsInReview(f.dataSource, 1, 'a1')).map((r) => r.memberId)).toEqual(['a3']);
    // a2 counted alone: the first rung, both.
    expect((await rewardsOf('ann')).map((r) => r[2])).toEqual(['a2', 'ann']);
  });
});

describe('releaseReferral', () => {
  it('counts the friend and grants exactly what the ladder pays, with the automatic path’s keys; recorded', async () => {
    await invite('bob', ['b1'], ['b1']);
    expect(await rewardsOf('bob')).toEqual([]);
    const released = await release('b1', 'same household, checked');
    expect(released).toMatchObject({ memberId: 'b1', status: 'COUNTED' });
    expect(await rewardsOf('bob')).toEqual([
      [1, 1, 'b1', 'COUPON', 'REFERRAL:bob:1:b1', 'GRANTED'],
      [1, 1, 'bob', 'COUPON', 'REFERRAL:bob:1:bob', 'GRANTED'],
    ]);
    expect(f.peers.benefits.coupons.map((c) => c.idempotencyKey).sort()).toEqual(['REFERRAL:bob:1:b1', 'REFERRAL:bob:1:bob']);
    expect(await f.dataSource.getRepository(ReferralDecision).findOneByOrFail({ memberId: 'b1' })).toMatchObject({
      inviterId: 'bob',
      decision: 'RELEASED',
      reason: 'same household, checked',
      decidedBy: STAFF,
    });
    expect(await referralsInReview(f.dataSource, 20, null)).toEqual([]);
  });

  it('twice at once, then the outbox redelivering everything: one count, each reward once', async () => {
    await invite('cat', ['c1', 'c2', 'c3'], ['c3']);
    const [first, second] = await Promise.all([release('c3'), release('c3')]);
    expect(first.status).toBe('COUNTED');
    expect(second.status).toBe('COUNTED');
    await f.outbox.dispatch(new Date(Date.now() + 60_000));
    await release('c3');
    expect(await f.dataSource.getRepository(ReferralMember).countBy({ inviterId: 'cat', status: 'COUNTED' })).toBe(3);
    expect((await rewardsOf('cat')).map((r) => [r[0], r[2]])).toEqual([
      [1, 'c1'],
      [1, 'cat'],
      [3, 'cat'],
    ]);
    expect(f.peers.points.awards).toEqual([expect.objectContaining({ memberId: 'cat', points: 50, idempotencyKey: 'REFERRAL:cat:3:cat' })]);
    expect(await f.dataSource.getRepository(ReferralDecision).countBy({ memberId: 'c3' })).toBe(1);
  });

  it('pays with the ladder in force when the friend qualified, not the one at release', async () => {
    await invite('dot', ['d1', 'd2', 'd3'], ['d3']);
    await changeReferralRung(f.dataSource, f.peers, { rungId: 3, rung: { points: 500 }, reason: 'richer third rung' }, STAFF);
    await release('d3');
    expect((await rewardsOf('dot')).find((r) => r[0] === 3)).toEqual([3, 2, 'dot', 'POINTS', 'REFERRAL:dot:3:dot', 'GRANTED']);
    expect(f.peers.points.awards).toEqual([expect.objectContaining({ points: 50 })]);
  });

  it('a reward whose service is down is left to the outbox, granted once', async () => {
    await invite('eve', ['e1'], ['e1']);
    f.peers.benefits.failNext = 1;
    await release('e1');
    expect((await rewardsOf('eve')).map((r) => r[5]).sort()).toEqual(['GRANTED', 'PENDING']);
    await f.outbox.dispatch(new Date(Date.now() + 60_000));
    expect((await rewardsOf('eve')).map((r) => r[5])).toEqual(['GRANTED', 'GRANTED']);
    expect(f.peers.benefits.coupons).toHaveLength(2);
  });
});

describe('rejectReferral', () => {
  it('marks the referral rejected with the reason; nothing is granted and later friends count without it', async () => {
    await invite('fay', ['f1'], ['f1']);
    const rejected = await reject('f1', 'same device as the inviter, a farm');
    expect(rejected).toMatchObject({ memberId: 'f1', status: 'REJECTED' });
    expect(await f.dataSource.getRepository(ReferralDecision).findOneByOrFail({ memberId: 'f1' })).toMatchObject({
      decision: 'REJECTED',
      reason: 'same device as the inviter, a farm',
      decidedBy: STAFF,
    });
    expect(await rewardsOf('fay')).toEqual([]);
    expect(f.peers.benefits.coupons).toEqual([]);
    // A repeat answers the rejection.
    expect(await reject('f1', 'same device as the inviter, a farm')).toMatchObject({ status: 'REJECTED' });
    await f.register('f2', await f.codeOf('fay'));
    expect((await rewardsOf('fay')).map((r) => r[2])).toEqual(['f2', 'fay']);
  });
});

describe('refusals: a coded error, nothing written', () => {
  it.each([
    ['release a rejected referral', async () => release('g1'), 'CONFLICT', 'NOT_IN_REVIEW'],
    ['reject a released referral', async () => reject('g2', 'changed my mind'), 'CONFLICT', 'NOT_IN_REVIEW'],
    ['release a referral counted automatically', async () => release('g3'), 'CONFLICT', 'NOT_IN_REVIEW'],
    ['release a member nobody referred', async () => release('gus'), 'NOT_FOUND', undefined],
    ['release an unknown member', async () => release('nobody'), 'NOT_FOUND', undefined],
    ['reject without a reason', async () => reject('g4', ' '), 'BAD_USER_INPUT', undefined],
  ])('%s', async (_, attempt, code, reason) => {
    await invite('gus', ['g1', 'g2', 'g3', 'g4'], ['g1', 'g2', 'g4']);
    await reject('g1', 'a ring of devices');
    await release('g2');
    const before = await snapshotDatabase(f.dataSource);
    const grants = f.peers.benefits.coupons.length + f.peers.points.awards.length;
    await expect(attempt()).rejects.toMatchObject({ code, ...(reason ? { details: expect.objectContaining({ reason }) } : {}) });
    expect(await snapshotDatabase(f.dataSource)).toEqual(before);
    expect(f.peers.benefits.coupons.length + f.peers.points.awards.length).toBe(grants);
  });
});
