import { dueRewards, kFactor, newReferralCode, normalizeReferralCode, sharePayloads, type Rung } from '../referral';

const LADDER: Rung[] = [
  { rungId: 1, revision: 1, friends: 1, reward: 'COUPON', couponTemplate: 'REFERRAL20', points: null, tierId: null, inviteeToo: true },
  { rungId: 3, revision: 2, friends: 3, reward: 'POINTS', couponTemplate: null, points: 50, tierId: null, inviteeToo: false },
  { rungId: 5, revision: 3, friends: 5, reward: 'TIER', couponTemplate: null, points: null, tierId: 'GOLD', inviteeToo: false },
];

describe('referral codes', () => {
  it('are 8 characters without look-alikes and normalise as typed', () => {
    const code = newReferralCode();
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(normalizeReferralCode(` ${code.toLowerCase()} `)).toBe(code);
    expect(normalizeReferralCode('ABC')).toBeNull();
    expect(normalizeReferralCode('ABCDEFG0')).toBeNull();
  });

  it('share payloads per channel; the mini-program scene fits WeChat’s 32 characters', () => {
    const shares = sharePayloads('ABCD2345', 'https://m.example.com/join?ref=');
    expect(shares).toEqual({
      webLink: 'https://m.example.com/join?ref=ABCD2345',
      miniProgramScene: 'ref=ABCD2345',
      posQrPayload: 'MG:REGISTER:POS:REF=ABCD2345',
    });
    expect(shares.miniProgramScene.length).toBeLessThanOrEqual(32);
  });
});

describe('dueRewards: the ladder of DOMAIN.md §5', () => {
  const none = () => false;
  it('1 friend: both get the coupon', () => {
    expect(dueRewards('r', 'f1', 1, LADDER, none).map((d) => [d.rung.friends, d.beneficiaryId])).toEqual([
      [1, 'r'],
      [1, 'f1'],
    ]);
  });
  it('3 friends: 50 points to the referrer; 5: Gold', () => {
    const paid = new Set(['1:r', '1:f1']);
    const has = (rung: number, b: string) => paid.has(`${rung}:${b}`);
    expect(dueRewards('r', 'f2', 2, LADDER, has)).toEqual([]);
    expect(dueRewards('r', 'f3', 3, LADDER, has).map((d) => d.idempotencyKey)).toEqual(['REFERRAL:r:3:r']);
    paid.add('3:r');
    expect(dueRewards('r', 'f5', 5, LADDER, has).map((d) => [d.rung.reward, d.rung.tierId])).toEqual([['TIER', 'GOLD']]);
  });
  it('a rung paid once is not due again, at any later count', () => {
    const has = () => true;
    expect(dueRewards('r', 'f9', 9, LADDER, has)).toEqual([]);
  });
  it('a rung moved to another threshold after it was paid is not paid again, nor to the friend who reaches it', () => {
    const moved = LADDER.map((r) => (r.rungId === 1 ? { ...r, friends: 2, revision: 4 } : r));
    const has = (rungId: number) => rungId === 1;
    expect(dueRewards('r', 'f2', 2, moved, has)).toEqual([]);
  });
});

describe('kFactor', () => {
  it('is invitations per member × conversion', () => {
    const k = kFactor({ invitations: 400, members: 100, conversions: 60 });
    expect(k.invitationsPerMember).toBe(4);
    expect(k.conversionRate).toBe(0.15);
    expect(k.kFactor).toBeCloseTo(0.6, 10);
  });
  it('is zero with nothing to divide', () => {
    expect(kFactor({ invitations: 0, members: 0, conversions: 0 }).kFactor).toBe(0);
  });
});
