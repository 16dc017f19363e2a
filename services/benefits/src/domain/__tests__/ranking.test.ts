import type { BenefitType } from '../benefitMatrix';
import { memberFeatures, rankBenefits, SPEND_UNAVAILABLE, type MemberSignals } from '../ranking';

const NOW = new Date('2026-11-30T00:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const benefit = (code: string, type: BenefitType, position: number, discountPercent: number | null = null) => ({
  code,
  type,
  position,
  discountPercent,
});
// GOLD's row of the seeded matrix, in catalogue order.
const GOLD = [
  benefit('DISCOUNT', 'DISCOUNT', 0, 25),
  benefit('BIRTHDAY', 'BIRTHDAY', 1),
  benefit('PRIORITY_SERVICE', 'PRIORITY_SERVICE', 2),
  benefit('EXCLUSIVE_EVENTS', 'EVENT', 3),
  benefit('POINTS_ACCELERATION', 'POINTS_ACCELERATION', 4),
  benefit('COMMUNITY', 'COMMUNITY', 5),
];
const rank = (signals: MemberSignals, benefits = GOLD) => rankBenefits(benefits, memberFeatures(signals, NOW));
const codes = (signals: MemberSignals) => rank(signals).map((r) => r.benefit.code);

describe('memberFeatures (unit)', () => {
  it('measures each feature from 0 to 1 against the DOMAIN figures', () => {
    const f = memberFeatures({ registeredAt: daysAgo(400), spend: { spendFen: 500_000, purchases: 6, lastPurchaseAt: daysAgo(60) } }, NOW);
    expect(f.highValue.value).toBe(0.5); // 5,000 of Gold's 10,000 CNY
    expect(f.frequent.value).toBe(0.5); // 6 of 12 purchases
    expect(f.dormant.value).toBe(0.5); // 60 days: halfway from 30 to 90
    expect(f.newMember.value).toBe(0);
    expect(f.dormant.why).toBe('60 days since the last purchase');
  });

  it('counts what a peer could not say as 0, and says so', () => {
    const f = memberFeatures({ registeredAt: null, spend: null }, NOW);
    expect(Object.values(f).map((v) => v.value)).toEqual([0, 0, 0, 0]);
    expect(f.newMember.why).toBe('registration unknown');
    expect([f.highValue, f.frequent, f.dormant].map((v) => v.leftOut)).toEqual([SPEND_UNAVAILABLE, SPEND_UNAVAILABLE, SPEND_UNAVAILABLE]);
  });

  it('without the spend, does not take a member with no known purchase for dormant', () => {
    const f = memberFeatures({ registeredAt: daysAgo(400), spend: null }, NOW);
    expect(f.dormant).toEqual({ value: 0, why: 'spend unavailable', leftOut: SPEND_UNAVAILABLE });
    // With the spend, the same member who never bought is dormant from joining.
    const known = memberFeatures({ registeredAt: daysAgo(400), spend: { spendFen: 0, purchases: 0, lastPurchaseAt: null } }, NOW);
    expect(known.dormant).toEqual({ value: 1, why: 'no purchase in 400 days since joining' });
  });
});

describe('rankBenefits (unit)', () => {
  it('ranks differently for members of one tier: a high-value regular, a dormant one, a new one', () => {
    expect(codes({ registeredAt: daysAgo(700), spend: { spendFen: 2_000_000, purchases: 24, lastPurchaseAt: daysAgo(2) } })).toEqual([
      // 4 each: a tie keeps the catalogue order
      'PRIORITY_SERVICE', // 1 + 3×1
      'EXCLUSIVE_EVENTS', // 1 + 2×1 + 1×1
      'POINTS_ACCELERATION', // 2 + 2×1
      // 3 each
      'DISCOUNT', // 3
      'COMMUNITY', // 1 + 1×1 + 1×1
      'BIRTHDAY',
    ]);
    expect(codes({ registeredAt: daysAgo(700), spend: { spendFen: 0, purchases: 0, lastPurchaseAt: daysAgo(200) } })[0]).toBe('DISCOUNT'); // 3 + 3
    expect(codes({ registeredAt: daysAgo(0), spend: { spendFen: 0, purchases: 0, lastPurchaseAt: null } }).slice(0, 3)).toEqual([
      'DISCOUNT', // 3 + 1
      'POINTS_ACCELERATION', // 2 + 1
      'COMMUNITY', // 1 + 2
    ]);
  });

  it('says why: the base and every feature term that counted', () => {
    const [top] = rank({ registeredAt: daysAgo(700), spend: { spendFen: 0, purchases: 0, lastPurchaseAt: daysAgo(120) } });
    expect(top).toEqual({
      benefit: GOLD[0],
      score: 6,
      reasons: ['base value of a DISCOUNT benefit: 3', 'dormant 1 (120 days since the last purchase) × 3 = 3'],
    });
  });

  it('keeps the better of two benefits of one type, and every CUSTOM one', () => {
    const ranked = rank({ registeredAt: null, spend: null }, [
      benefit('DISCOUNT', 'DISCOUNT', 0, 25),
      benefit('STAFF_DISCOUNT', 'DISCOUNT', 7, 30),
      benefit('LOUNGE', 'CUSTOM', 8),
      benefit('PARKING', 'CUSTOM', 9),
    ]);
    expect(ranked.map((r) => r.benefit.code)).toEqual(['STAFF_DISCOUNT', 'LOUNGE', 'PARKING']);
    expect(ranked[0].reasons.at(-1)).toBe('better than DISCOUNT of the same type, which is left out');
  });

  it('without the spend, ranks by the tier and what else is known, and says so on every benefit', () => {
    const ranked = rank({ registeredAt: daysAgo(3), spend: null });
    expect(ranked.map((r) => [r.benefit.code, r.score])).toEqual([
      ['DISCOUNT', 3.9], // 3 + new 0.9
      ['POINTS_ACCELERATION', 2.9], // 2 + new 0.9
      ['COMMUNITY', 2.8], // 1 + new 2×0.9
      ['BIRTHDAY', 1],
      ['PRIORITY_SERVICE', 1],
      ['EXCLUSIVE_EVENTS', 1],
    ]);
    expect(ranked[0].reasons).toEqual([
      'base value of a DISCOUNT benefit: 3',
      'newMember 0.9 (joined 3 days ago) × 1 = 0.9',
      'spend unavailable: ranked without spend',
    ]);
    expect(ranked.every((r) => r.reasons.includes(SPEND_UNAVAILABLE))).toBe(true);
    // With the spend, nothing is said of it being unavailable.
    const known = rank({ registeredAt: daysAgo(3), spend: { spendFen: 0, purchases: 0, lastPurchaseAt: null } });
    expect(known.some((r) => r.reasons.includes(SPEND_UNAVAILABLE))).toBe(false);
  });
});
