import {
  HOLDOUT,
  assignVariant,
  compareProportions,
  costPerAcquisition,
  experimentResults,
  planExperiment,
  type ExperimentPlan,
  type GroupTotals,
} from '../experiment';
import { seededRandom } from '../../../../kit/src/random';

/**
 * Simulates an experiment member by member: each member is assigned by the real hash, exposed,
 * and converts with the probability of their group (the known effect).
 */
function simulate(
  plan: ExperimentPlan,
  members: number,
  rates: Record<string, number>,
  costPerExposureFen: Record<string, number>,
  seed: number,
) {
  const random = seededRandom(seed);
  const totals = new Map<string, GroupTotals>();
  for (let i = 0; i < members; i += 1) {
    const key = assignVariant(plan, `member-${seed}-${i}`);
    const group = totals.get(key) ?? { key, exposures: 0, conversions: 0, costFen: 0 };
    group.exposures += 1;
    group.costFen += costPerExposureFen[key] ?? 0;
    if (random() < rates[key]) group.conversions += 1;
    totals.set(key, group);
  }
  return [...totals.values()];
}

const offers = (holdoutWeight?: string) =>
  planExperiment({
    key: 'REG_OFFER_2026',
    name: 'Registration offer',
    salt: 'reg-offer-salt',
    holdoutWeight,
    variants: [
      { key: 'SPEND100_GET20', name: 'spend 100 get 20 off', weight: holdoutWeight ? '0.45' : '0.5', control: true },
      { key: 'FIRST_ORDER_20', name: '20 off the first order', weight: holdoutWeight ? '0.45' : '0.5' },
    ],
  });

describe('deterministic assignment', () => {
  it('gives a member the same group every time, independent of call order or process', () => {
    const plan = offers('0.1');
    const first = Array.from({ length: 1000 }, (_, i) => assignVariant(plan, `m-${i}`));
    const again = Array.from({ length: 1000 }, (_, i) => assignVariant(plan, `m-${999 - i}`)).reverse();
    expect(again).toEqual(first);
    // Pinned: a change of the hash would silently move every running experiment's members.
    expect(first.slice(0, 6)).toMatchInlineSnapshot(`
     [
       "FIRST_ORDER_20",
       "SPEND100_GET20",
       "FIRST_ORDER_20",
       "SPEND100_GET20",
       "FIRST_ORDER_20",
       "FIRST_ORDER_20",
     ]
    `);
  });

  it('splits 100,000 members within 1 % of the weights, holdout included', () => {
    const plan = planExperiment({
      key: 'SPLIT',
      name: 'split',
      salt: 'split-salt',
      holdoutWeight: '0.1',
      variants: [
        { key: 'A', name: 'a', weight: '0.5' },
        { key: 'B', name: 'b', weight: '0.3' },
        { key: 'C', name: 'c', weight: '0.1' },
      ],
    });
    const counts: Record<string, number> = {};
    for (let i = 0; i < 100_000; i += 1) {
      const key = assignVariant(plan, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
      counts[key] = (counts[key] ?? 0) + 1;
    }
    const expected: Record<string, number> = { A: 0.5, B: 0.3, C: 0.1, [HOLDOUT]: 0.1 };
    for (const [key, weight] of Object.entries(expected)) expect(Math.abs(counts[key] / 100_000 - weight)).toBeLessThan(0.01);
  });

  it('a different salt splits the same members differently', () => {
    const a = offers();
    const b = { ...a, salt: 'another-salt' };
    const moved = Array.from({ length: 2000 }, (_, i) => assignVariant(a, `m-${i}`) !== assignVariant(b, `m-${i}`)).filter(Boolean);
    expect(moved.length).toBeGreaterThan(800);
  });

  it('after promotion everyone, holdout included, sees the winner', () => {
    const plan = { ...offers('0.1'), winnerKey: 'FIRST_ORDER_20' };
    expect(new Set(Array.from({ length: 500 }, (_, i) => assignVariant(plan, `m-${i}`)))).toEqual(new Set(['FIRST_ORDER_20']));
  });
});

describe('DOMAIN §5: "spend 100 get 20 off" vs "20 off the first order" (+15.3 % conversion)', () => {
  // Stated sample size: 40,000 members split 50/50, a 10 % baseline conversion.
  const MEMBERS = 40_000;

  const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it('finds the real +15.3 % lift significant on every run, names the winner and its CAC', () => {
    const plan = offers();
    let covered = 0;
    for (const seed of SEEDS) {
      const totals = simulate(
        plan,
        MEMBERS,
        { SPEND100_GET20: 0.1, FIRST_ORDER_20: 0.1153 },
        { SPEND100_GET20: 500, FIRST_ORDER_20: 600 },
        seed,
      );
      const results = experimentResults(plan, totals);
      const variant = results.groups.find((g) => g.key === 'FIRST_ORDER_20')!;
      expect(variant.comparison!.significant).toBe(true);
      expect(variant.comparison!.differenceLow).toBeGreaterThan(0);
      // The estimate is near the true effect.
      expect(variant.comparison!.lift).toBeGreaterThan(0.08);
      expect(variant.comparison!.lift).toBeLessThan(0.23);
      if (variant.comparison!.differenceLow < 0.0153 && variant.comparison!.differenceHigh > 0.0153) covered += 1;
      expect(results.winnerKey).toBe('FIRST_ORDER_20');
      expect(variant.cacFen).toBe(Math.round(variant.costFen / variant.conversions));
    }
    // A 95 % interval covers the true difference about 19 times in 20.
    expect(covered).toBeGreaterThanOrEqual(8);
  });

  it('finds no effect where there is none, at the same sample size (false positives at about α)', () => {
    const plan = offers();
    let falsePositives = 0;
    for (const seed of SEEDS) {
      const totals = simulate(plan, MEMBERS, { SPEND100_GET20: 0.1, FIRST_ORDER_20: 0.1 }, {}, seed);
      const results = experimentResults(plan, totals);
      const variant = results.groups.find((g) => g.key === 'FIRST_ORDER_20')!;
      if (variant.comparison!.significant) falsePositives += 1;
      else expect(results.winnerKey).toBeNull();
    }
    expect(falsePositives).toBeLessThanOrEqual(1);
  });

  it('referral reward 10 vs 15 CNY: +22 % referrals at +8 % CAC', () => {
    const plan = planExperiment({
      key: 'REFERRAL_REWARD',
      name: 'referral reward',
      salt: 'referral-salt',
      variants: [
        { key: 'CNY10', name: '10 CNY', weight: '0.5' },
        { key: 'CNY15', name: '15 CNY', weight: '0.5' },
      ],
    });
    // Known effect: 15 CNY brings 22 % more referrals; spend per exposure set so its CAC is 8 % higher.
    const totals = simulate(plan, MEMBERS, { CNY10: 0.05, CNY15: 0.061 }, { CNY10: 100, CNY15: 132 }, 23);
    const results = experimentResults(plan, totals);
    const [ten, fifteen] = results.groups;
    expect(fifteen.comparison!.significant).toBe(true);
    expect(fifteen.comparison!.lift).toBeGreaterThan(0.12);
    expect(fifteen.comparison!.lift).toBeLessThan(0.32);
    expect(fifteen.cacFen! / ten.cacFen!).toBeGreaterThan(1.0);
    expect(fifteen.cacFen! / ten.cacFen!).toBeLessThan(1.2);
  });

  it('reports the holdout against the control', () => {
    const plan = offers('0.1');
    const totals = simulate(plan, MEMBERS, { SPEND100_GET20: 0.1, FIRST_ORDER_20: 0.1153, [HOLDOUT]: 0.07 }, {}, 41);
    const results = experimentResults(plan, totals);
    expect(results.groups.map((g) => g.key)).toEqual(['SPEND100_GET20', 'FIRST_ORDER_20', HOLDOUT]);
    expect(results.groups[2].comparison!.difference).toBeLessThan(0);
    expect(results.winnerKey).toBe('FIRST_ORDER_20');
  });
});

describe('the z-test against textbook figures', () => {
  it('matches a hand-computed two-proportion test', () => {
    // 200/1000 vs 250/1000: pooled p 0.225, SE 0.018675, z 2.6774, two-sided p 0.00742.
    const c = compareProportions({ exposures: 1000, conversions: 200 }, { exposures: 1000, conversions: 250 })!;
    expect(c.z).toBeCloseTo(2.6774, 3);
    expect(c.pValue).toBeCloseTo(0.00742, 4);
    expect(c.lift).toBeCloseTo(0.25, 10);
    // Unpooled SE 0.018628 × 1.959964 = 0.036511.
    expect(c.differenceLow).toBeCloseTo(0.05 - 0.036511, 4);
    expect(c.differenceHigh).toBeCloseTo(0.05 + 0.036511, 4);
  });

  it('has no test without exposures, and no lift over a control that converted nobody', () => {
    expect(compareProportions({ exposures: 0, conversions: 0 }, { exposures: 10, conversions: 1 })).toBeNull();
    expect(compareProportions({ exposures: 10, conversions: 0 }, { exposures: 10, conversions: 1 })!.lift).toBeNull();
  });

  it('CAC is spend over acquisitions (DOMAIN §5: 450,000 CNY → 1,800 members → 250)', () => {
    expect(costPerAcquisition(450_000_00, 1800)).toBe(250_00);
    expect(costPerAcquisition(100, 0)).toBeNull();
  });
});

describe('bad experiments', () => {
  const base = {
    key: 'K',
    name: 'n',
    variants: [
      { key: 'A', name: 'a', weight: '0.5' },
      { key: 'B', name: 'b', weight: '0.5' },
    ],
  };
  it.each([
    [
      'weights not summing to 1',
      {
        variants: [
          { key: 'A', name: 'a', weight: '0.5' },
          { key: 'B', name: 'b', weight: '0.4' },
        ],
      },
      'variants',
    ],
    ['weights over 1 with the holdout', { holdoutWeight: '0.1' }, 'variants'],
    [
      'a malformed weight',
      {
        variants: [
          { key: 'A', name: 'a', weight: '-0.5' },
          { key: 'B', name: 'b', weight: '1.5' },
        ],
      },
      'variants.0.weight',
    ],
    ['one variant', { variants: [{ key: 'A', name: 'a', weight: '1' }] }, 'variants'],
    [
      'duplicate keys',
      {
        variants: [
          { key: 'A', name: 'a', weight: '0.5' },
          { key: 'A', name: 'b', weight: '0.5' },
        ],
      },
      'variants',
    ],
    [
      'two controls',
      {
        variants: [
          { key: 'A', name: 'a', weight: '0.5', control: true },
          { key: 'B', name: 'b', weight: '0.5', control: true },
        ],
      },
      'variants',
    ],
    [
      'a variant named HOLDOUT',
      {
        variants: [
          { key: 'HOLDOUT', name: 'a', weight: '0.5' },
          { key: 'B', name: 'b', weight: '0.5' },
        ],
      },
      'variants.0.key',
    ],
  ])('refuses %s', (_, change, field) => {
    expect(() => planExperiment({ ...base, ...change })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field } }));
  });
});
