import { snapshotDatabase } from '../../../../../test/harness/commandDatabase';
import { referralFixture, RULES, useReferralCommands } from '../../../test/referralFixture';
import { ReferralMember } from '../../db/entities/ReferralMember';
import { ReferralReward } from '../../db/entities/ReferralReward';
import { referralKFactor } from '../../db/kFactor';
import { claimReferral } from '../claimReferral';
import { shareReferral } from '../shareReferral';

const f = useReferralCommands();

const rewards = async (referrerId: string) =>
  (await f.dataSource.getRepository(ReferralReward).find({ where: { referrerId }, order: { rung: 'ASC', beneficiaryId: 'ASC' } })).map(
    (r) => [r.rung, r.beneficiaryId, r.reward, r.status],
  );

describe('recordRegistration', () => {
  it('gives every new member a code and attributes a registration with a friend’s code, once', async () => {
    await f.register('alice');
    const code = await f.codeOf('alice');
    expect(await f.register('bob', code)).toEqual({ inviterId: 'alice', replayed: false });
    expect(await f.register('bob', code)).toEqual({ inviterId: 'alice', replayed: true });
    expect(await f.dataSource.getRepository(ReferralMember).findOneByOrFail({ memberId: 'bob' })).toMatchObject({
      inviterId: 'alice',
      status: 'COUNTED',
    });
    expect(await f.codeOf('bob')).not.toBe(code);
  });

  it('ignores an unknown code and the member’s own code', async () => {
    expect(await f.register('carol', 'ZZZZZZZZ')).toEqual({ inviterId: null, replayed: false });
  });

  it('1 friend: both get the 20 CNY coupon; 3: 50 points; 5: Gold — each once, with its key passed downstream', async () => {
    await f.register('ann');
    const code = await f.codeOf('ann');
    for (const friend of ['f1', 'f2', 'f3', 'f4', 'f5']) await f.register(friend, code);
    // Retried registration events change nothing.
    for (const friend of ['f1', 'f3', 'f5']) await f.register(friend, code);
    expect(await rewards('ann')).toEqual([
      [1, 'ann', 'COUPON', 'GRANTED'],
      [1, 'f1', 'COUPON', 'GRANTED'],
      [3, 'ann', 'POINTS', 'GRANTED'],
      [5, 'ann', 'TIER', 'GRANTED'],
    ]);
    expect(f.peers.benefits.coupons).toEqual([
      { templateCode: 'REFERRAL20', memberId: 'ann', idempotencyKey: 'REFERRAL:ann:1:ann' },
      { templateCode: 'REFERRAL20', memberId: 'f1', idempotencyKey: 'REFERRAL:ann:1:f1' },
    ]);
    expect(f.peers.points.awards).toEqual([
      { memberId: 'ann', points: 50, reason: 'referral ladder: 3 friends', idempotencyKey: 'REFERRAL:ann:3:ann' },
    ]);
    expect(f.peers.member.grants).toEqual([
      { memberId: 'ann', tierId: 'GOLD', reason: 'referral ladder: 5 friends', idempotencyKey: 'REFERRAL:ann:5:ann' },
    ]);
    expect(f.peers.risk.assessed).toEqual(new Set(['REFERRAL:f1', 'REFERRAL:f2', 'REFERRAL:f3', 'REFERRAL:f4', 'REFERRAL:f5']));
  });

  it('a reward whose service is down stays PENDING and is granted once when the outbox retries', async () => {
    await f.register('dan');
    f.peers.benefits.failNext = 2;
    await f.register('g1', await f.codeOf('dan'));
    expect(await rewards('dan')).toEqual([
      [1, 'dan', 'COUPON', 'PENDING'],
      [1, 'g1', 'COUPON', 'PENDING'],
    ]);
    await f.outbox.dispatch(new Date(Date.now() + 60_000));
    await f.outbox.dispatch(new Date(Date.now() + 60_000));
    expect(await rewards('dan')).toEqual([
      [1, 'dan', 'COUPON', 'GRANTED'],
      [1, 'g1', 'COUPON', 'GRANTED'],
    ]);
    expect(f.peers.benefits.coupons).toHaveLength(2);
  });

  it('a pair risk denies (a ring) is not counted and earns nothing', async () => {
    await f.register('eve');
    f.peers.risk.denied.add('eve>mallory');
    await f.register('mallory', await f.codeOf('eve'));
    expect(await f.dataSource.getRepository(ReferralMember).findOneByOrFail({ memberId: 'mallory' })).toMatchObject({ status: 'DENIED' });
    expect(await rewards('eve')).toEqual([]);
  });

  it('POS scan-to-register: the first-order coupon is issued at once', async () => {
    await f.register('pos-1', null, 'POS');
    expect(f.peers.benefits.coupons).toEqual([{ templateCode: 'POS_FIRST20', memberId: 'pos-1', idempotencyKey: 'POS_WELCOME:pos-1' }]);
  });

  it('with FIRST_PURCHASE as the qualifying event, a registration waits', async () => {
    const waiting = referralFixture(f.dataSource, { ...RULES, qualifyingEvent: 'FIRST_PURCHASE' });
    await waiting.register('fay');
    await waiting.register('gus', await waiting.codeOf('fay'));
    expect(await f.dataSource.getRepository(ReferralMember).findOneByOrFail({ memberId: 'gus' })).toMatchObject({ status: 'WAITING' });
    expect(waiting.peers.benefits.coupons).toEqual([]);
    await waiting.outbox.stop();
  });
});

describe('claimReferral', () => {
  const claim = (memberId: string, code: string, now?: Date) => claimReferral(f.dataSource, RULES, f.outbox, { memberId, code }, now);

  it('attributes a member within the window and counts them', async () => {
    await f.register('host');
    await f.register('late');
    const claimed = await claim('late', (await f.codeOf('host')).toLowerCase());
    expect(claimed).toMatchObject({ inviterId: 'host', status: 'COUNTED' });
    expect(await f.dataSource.getRepository(ReferralMember).findOneByOrFail({ memberId: 'late' })).toMatchObject({ status: 'COUNTED' });
  });

  it.each([
    ['UNKNOWN_REFERRAL_CODE', async () => claim('me', 'ABCDEFGH')],
    ['UNKNOWN_REFERRAL_CODE', async () => claim('me', 'not a code')],
    ['OWN_REFERRAL_CODE', async () => claim('me', await f.codeOf('me'))],
    ['ALREADY_REFERRED', async () => claim('me', await f.codeOf('other'))],
    ['ATTRIBUTION_WINDOW_PASSED', async () => claim('me', await f.codeOf('third'), new Date(Date.now() + 8 * 86_400_000))],
  ])('refuses %s with a coded BAD_USER_INPUT, writing nothing', async (reason, attempt) => {
    await f.register('other');
    await f.register('third');
    await f.register('first');
    await f.register('me', reason === 'ALREADY_REFERRED' ? await f.codeOf('first') : null);
    await f.codeOf('other');
    await f.codeOf('third');
    await f.codeOf('me');
    const before = await snapshotDatabase(f.dataSource);
    await expect(attempt()).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'code', reason } });
    expect(await snapshotDatabase(f.dataSource)).toEqual(before);
  });
});

describe('K-factor', () => {
  it('is invitations per member × conversion, per period and channel', async () => {
    const from = new Date(Date.now() - 3_600_000);
    const to = new Date(Date.now() + 3_600_000);
    for (const m of ['k1', 'k2', 'k3', 'k4']) await f.register(m);
    for (let i = 0; i < 6; i += 1) await shareReferral(f.dataSource, RULES, { memberId: 'k1', channel: 'MINI_PROGRAM' });
    await shareReferral(f.dataSource, RULES, { memberId: 'k2', channel: 'WEB' });
    await shareReferral(f.dataSource, RULES, { memberId: 'k2', channel: 'WEB' });
    await f.register('k5', await f.codeOf('k1'), 'MINI_PROGRAM');
    await f.register('k6', await f.codeOf('k1'), 'MINI_PROGRAM');
    const all = await referralKFactor(f.dataSource, { from, to, channel: null });
    expect(all).toMatchObject({ invitations: 8, inviters: 2, members: 6, conversions: 2 });
    expect(all.kFactor).toBeCloseTo((8 / 6) * (2 / 8), 10);
    const mini = await referralKFactor(f.dataSource, { from, to, channel: 'MINI_PROGRAM' });
    expect(mini).toMatchObject({ invitations: 6, conversions: 2, conversionRate: 2 / 6 });
    expect((await referralKFactor(f.dataSource, { from: to, to: new Date(to.getTime() + 1000), channel: null })).invitations).toBe(0);
  });
});
