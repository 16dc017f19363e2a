import { DEFAULT_BENEFITS } from '../matrix';

/**
 * shared/DOMAIN.md §4, columns Regular, Gold, Platinum, Diamond, mapped by rank onto the ladder
 * of §2 (REGULAR, SILVER, GOLD, DIAMOND). `null` is the table's "—": that tier gets nothing.
 */
const SOURCE: Record<string, Array<string | null>> = {
  DISCOUNT: ['10% off (9折)', '20% off', '25% off', '30% off'],
  BIRTHDAY: ['coupon', 'gift + double points', 'gift box + event invite', 'private experience + advisor'],
  PRIORITY_SERVICE: ['basic', 'priority line', '1:1 concierge', '24h advisor'],
  EXCLUSIVE_EVENTS: [null, 'new-product trials', 'launch events', 'meet the founder'],
  POINTS_ACCELERATION: ['1×', '1.5×', '2×', '3× + never expire'],
  COMMUNITY: [null, 'member community', 'expert sessions', 'private circle'],
};
/** The tier ids of §2 in rank order (services/member DEFAULT_TIERS); kept here so benefits does not import member. */
const LADDER = ['REGULAR', 'SILVER', 'GOLD', 'DIAMOND'];

describe('DEFAULT_BENEFITS match shared/DOMAIN.md §4', () => {
  it('has the six benefits of the source, with unique codes', () => {
    expect(DEFAULT_BENEFITS.map((b) => b.code)).toEqual(Object.keys(SOURCE));
    expect(new Set(DEFAULT_BENEFITS.map((b) => b.code)).size).toBe(DEFAULT_BENEFITS.length);
  });

  it.each(Object.entries(SOURCE))('%s has a level for exactly the tiers the source gives one', (code, levels) => {
    const benefit = DEFAULT_BENEFITS.find((b) => b.code === code);
    expect(benefit).toBeDefined();
    const expected = Object.fromEntries(LADDER.flatMap((tier, rank) => (levels[rank] === null ? [] : [[tier, levels[rank]]])));
    expect(benefit?.levels).toEqual(expected);
  });

  it('uses only the tier ids of the §2 ladder', () => {
    for (const benefit of DEFAULT_BENEFITS) {
      for (const tier of Object.keys(benefit.levels)) expect(LADDER).toContain(tier);
    }
  });

  it('gives every tier from Silver up every benefit', () => {
    for (const benefit of DEFAULT_BENEFITS) {
      for (const tier of ['SILVER', 'GOLD', 'DIAMOND']) expect(benefit.levels[tier]).toEqual(expect.any(String));
    }
  });

  it('has discounts of 10/20/25/30% off by rank', () => {
    const discount = DEFAULT_BENEFITS.find((b) => b.code === 'DISCOUNT');
    const percent = LADDER.map((tier) => Number(/^(\d+)% off/.exec(discount?.levels[tier] ?? '')?.[1]));
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
