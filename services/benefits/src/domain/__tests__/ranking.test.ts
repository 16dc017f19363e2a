import type { BenefitType } from '../benefitMatrix';
import { memberFeatures, rankBenefits, type MemberSignals } from '../ranking';

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
    const f = memberFeatures({ registeredAt: daysAgo(400), spendFen: 500_000, purchases: 6, lastPurchaseAt: daysAgo(60) }, NOW);
    expect(f.highValue.value).toBe(0.5); // 5,000 of Gold's 10,000 CNY
    expect(f.frequent.value).toBe(0.5); // 6 of 12 purchases
    expect(f.dormant.value).toBe(0.5); // 60 days: halfway from 30 to 90
    expect(f.newMember.value).toBe(0);
    expect(f.dormant.why).toBe('60 days since the last purchase');
  });

  it('counts what a peer could not say as 0, and says so', () => {
    const f = memberFeatures({ registeredAt: null, spendFen: null, purchases: null, lastPurchaseAt: null }, NOW);
    expect(Object.values(f).map((v) => v.value)).toEqual([0, 0, 0, 0]);
    expect(f.highValue.why).toBe('spend unknown');
  });
});

describe('rankBenefits (unit)', () => {
  it('ranks differently for members of one tier: a high-value regular, a dormant one, a new one', () => {
    expect(codes({ registeredAt: daysAgo(700), spendFen: 2_000_000, purchases: 24, lastPurchaseAt: daysAgo(2) })).toEqual([
      // 4 each: a tie keeps the catalogue order
      'PRIORITY_SERVICE', // 1 + 3×1
      'EXCLUSIVE_EVENTS', // 1 + 2×1 + 1×1
      'POINTS_ACCELERATION', // 2 + 2×1
      // 3 each
      'DISCOUNT', // 3
      'COMMUNITY', // 1 + 1×1 + 1×1
      'BIRTHDAY',
    ]);
    expect(codes({ registeredAt: daysAgo(700), spendFen: 0, purchases: 0, lastPurchaseAt: daysAgo(200) })[0]).toBe('DISCOUNT'); // 3 + 3
    expect(codes({ registeredAt: daysAgo(0), spendFen: 0, purchases: 0, lastPurchaseAt: null }).slice(0, 3)).toEqual([
      'DISCOUNT', // 3 + 1
      'POINTS_ACCELERATION', // 2 + 1
      'COMMUNITY', // 1 + 2
    ]);
  });

  it('says why: the base and every feature term that counted', () => {
    const [top] = rank({ registeredAt: daysAgo(700), spendFen: 0, purchases: 0, lastPurchaseAt: daysAgo(120) });
    expect(top).toEqual({
      benefit: GOLD[0],
      score: 6,
      reasons: ['base value of a DISCOUNT benefit: 3', 'dormant 1 (120 days since the last purchase) × 3 = 3'],
    });
  });

  it('keeps the better of two benefits of one type, and every CUSTOM one', () => {
    const ranked = rank({ registeredAt: null, spendFen: null, purchases: null, lastPurchaseAt: null }, [
      benefit('DISCOUNT', 'DISCOUNT', 0, 25),
      benefit('STAFF_DISCOUNT', 'DISCOUNT', 7, 30),
      benefit('LOUNGE', 'CUSTOM', 8),
      benefit('PARKING', 'CUSTOM', 9),
    ]);
    expect(ranked.map((r) => r.benefit.code)).toEqual(['STAFF_DISCOUNT', 'LOUNGE', 'PARKING']);
    expect(ranked[0].reasons.at(-1)).toBe('better than DISCOUNT of the same type, which is left out');
  });
});
