import { accelerationLevel, DEFAULT_BENEFITS, SOURCE_TIER_CODES } from '../matrix';

/**
 * shared/DOMAIN.md §4 names its columns Regular, Gold, Platinum, Diamond: other tiers than the
 * ladder of §2. The seed maps them by tier code (Regular → REGULAR, Gold → SILVER, Platinum → GOLD,
 * Diamond → DIAMOND). `null` is the table's "—": that tier gets nothing.
 */
const SOURCE: Record<string, Record<'REGULAR' | 'SILVER' | 'GOLD' | 'DIAMOND', string | null>> = {
  DISCOUNT: { REGULAR: '10% off (9折)', SILVER: '20% off', GOLD: '25% off', DIAMOND: '30% off' },
  BIRTHDAY: { REGULAR: 'coupon', SILVER: 'gift + double points', GOLD: 'gift box + event invite', DIAMOND: 'private experience + advisor' },
  PRIORITY_SERVICE: { REGULAR: 'basic', SILVER: 'priority line', GOLD: '1:1 concierge', DIAMOND: '24h advisor' },
  EXCLUSIVE_EVENTS: { REGULAR: null, SILVER: 'new-product trials', GOLD: 'launch events', DIAMOND: 'meet the founder' },
  // The source's 1× / 1.5× / 2× / 3× contradict γ: not seeded, derived from each tier's γ.
  POINTS_ACCELERATION: { REGULAR: null, SILVER: null, GOLD: null, DIAMOND: null },
  COMMUNITY: { REGULAR: null, SILVER: 'member community', GOLD: 'expert sessions', DIAMOND: 'private circle' },
};

describe('DEFAULT_BENEFITS match shared/DOMAIN.md §4, mapped by tier code', () => {
  it('maps the source columns onto our tiers by code, not by name', () => {
    expect(SOURCE_TIER_CODES).toEqual({ Regular: 'REGULAR', Gold: 'SILVER', Platinum: 'GOLD', Diamond: 'DIAMOND' });
  });

  it('has the six benefits of the source, with unique codes', () => {
    expect(DEFAULT_BENEFITS.map((b) => b.code)).toEqual(Object.keys(SOURCE));
    expect(new Set(DEFAULT_BENEFITS.map((b) => b.code)).size).toBe(DEFAULT_BENEFITS.length);
  });

  it.each(Object.entries(SOURCE))('%s has a level for exactly the tiers the source gives one', (code, levels) => {
    const benefit = DEFAULT_BENEFITS.find((b) => b.code === code);
    expect(benefit).toBeDefined();
    expect(benefit?.levels).toEqual(Object.fromEntries(Object.entries(levels).filter(([, level]) => level !== null)));
  });

  it('seeds no figure for points acceleration: it is the one benefit derived from γ', () => {
    expect(DEFAULT_BENEFITS.filter((b) => b.derivedFromMultiplier).map((b) => [b.code, b.levels])).toEqual([['POINTS_ACCELERATION', {}]]);
  });

  it('has discounts of 10/20/25/30% off from Regular to Diamond', () => {
    const discount = DEFAULT_BENEFITS.find((b) => b.code === 'DISCOUNT');
    const percent = ['REGULAR', 'SILVER', 'GOLD', 'DIAMOND'].map((tier) => Number(/^(\d+)% off/.exec(discount?.levels[tier] ?? '')?.[1]));
    expect(percent).toEqual([10, 20, 25, 30]);
    expect(discount?.levels.REGULAR).toContain('9折');
  });

  it('names every benefit in English and Chinese', () => {
    for (const benefit of DEFAULT_BENEFITS) {
      expect(benefit.name).toMatch(/[A-Za-z]/);
      expect(benefit.name).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('accelerationLevel: the cell shown from γ', () => {
  it.each([
    [1.0, false, '1×'],
    [1.2, false, '1.2×'],
    [1.5, false, '1.5×'],
    [1.6, false, '1.6×'],
    [1.25, false, '1.25×'],
    [2.0, true, '2× + never expire'],
    [10, false, '10×'],
    [1.005, false, '1.005×'],
  ])('γ %p (never expire %p) shows %p', (multiplier, pointsNeverExpire, level) => {
    expect(accelerationLevel({ multiplier, pointsNeverExpire })).toBe(level);
  });
});
