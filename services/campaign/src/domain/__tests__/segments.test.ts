import { clusterMembers } from '../clusters';
import { DEFAULT_RFM_BINS, parseRfmBins, scoreRfm, type PurchaseStats } from '../rfm';
import { compileRule, type MemberFacts } from '../segmentRules';

const NOW = new Date('2026-11-30T00:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

const stats = (change: Partial<PurchaseStats>): PurchaseStats => ({
  memberId: 'm',
  purchases: 0,
  spendFen: 0,
  lastPurchaseAt: null,
  firstPurchaseAt: null,
  purchasesEver: 0,
  checkIns: 0,
  channels: 0,
  ...change,
});

describe('RFM scores and segments', () => {
  it('scores R, F and M 1–5 by the bins (5 the best)', () => {
    const score = scoreRfm(stats({ purchases: 5, spendFen: 5 * 600_00, purchasesEver: 9, lastPurchaseAt: daysAgo(12) }), NOW);
    expect(score).toMatchObject({
      recencyDays: 12,
      frequency: 5,
      monetaryFen: 600_00,
      r: 5,
      f: 4,
      m: 4,
      rfmSegment: 'HIGH_VALUE',
      customerSegment: 'LOYAL',
    });
    expect(scoreRfm(stats({ purchases: 1, spendFen: 50_00, purchasesEver: 1, lastPurchaseAt: daysAgo(200) }), NOW)).toMatchObject({
      r: 1,
      f: 1,
      m: 1,
    });
  });

  it.each([
    // R edges 30/60/90/180: 30 days is still 5, 31 is 4, 181 is 1.
    [30, 5],
    [31, 4],
    [90, 3],
    [180, 2],
    [181, 1],
  ])('%d days since the last purchase score R %d', (days, r) => {
    expect(scoreRfm(stats({ purchases: 1, spendFen: 1, purchasesEver: 1, lastPurchaseAt: daysAgo(days) }), NOW).r).toBe(r);
  });

  it.each([
    ['HIGH_VALUE', 10, 8, 800_00],
    ['AT_RISK', 120, 8, 800_00],
    ['POTENTIAL', 10, 1, 800_00],
    ['WIN_BACK', 120, 1, 800_00],
    ['LOYAL_LOW_SPEND', 10, 8, 50_00],
    ['SLIPPING', 120, 8, 50_00],
    ['NEW_LOW_SPEND', 10, 1, 50_00],
    ['LOST', 120, 1, 50_00],
  ])('names the eight segments: %s', (segment, days, purchases, average) => {
    const score = scoreRfm(
      stats({ purchases, spendFen: purchases * average, purchasesEver: purchases, lastPurchaseAt: daysAgo(days) }),
      NOW,
    );
    expect(score.rfmSegment).toBe(segment);
  });

  it.each([
    ['PROSPECT', stats({})],
    ['POTENTIAL', stats({ purchases: 1, spendFen: 200_00, purchasesEver: 1, lastPurchaseAt: daysAgo(5) })],
    ['LOYAL', stats({ purchases: 6, spendFen: 6 * 200_00, purchasesEver: 20, lastPurchaseAt: daysAgo(5) })],
    ['LAPSED', stats({ purchases: 0, spendFen: 0, purchasesEver: 12, lastPurchaseAt: daysAgo(400) })],
    ['OCCASIONAL', stats({ purchases: 1, spendFen: 50_00, purchasesEver: 2, lastPurchaseAt: daysAgo(150) })],
    ['OCCASIONAL', stats({ purchases: 2, spendFen: 2 * 50_00, purchasesEver: 2, lastPurchaseAt: daysAgo(20) })],
  ])('the five customer segments of DOMAIN §1: %s', (segment, member) => {
    expect(scoreRfm(member, NOW).customerSegment).toBe(segment);
  });

  it('takes configurable bins and refuses malformed ones naming the variable', () => {
    const bins = parseRfmBins('7,14,30,60;2,4,6,10;5000,10000,20000,50000;4', 'CAMPAIGN_RFM_BINS');
    expect(scoreRfm(stats({ purchases: 4, spendFen: 4 * 100_00, purchasesEver: 4, lastPurchaseAt: daysAgo(10) }), NOW, bins)).toMatchObject(
      {
        r: 4,
        f: 3,
        m: 3,
        rfmSegment: 'NEW_LOW_SPEND',
      },
    );
    expect(() => parseRfmBins('30,20,90,180;2,3,5,8;1,2,3,4;3', 'CAMPAIGN_RFM_BINS')).toThrow(/CAMPAIGN_RFM_BINS/);
    expect(() => parseRfmBins('30,60,90;2,3,5,8;1,2,3,4;3', 'CAMPAIGN_RFM_BINS')).toThrow(/CAMPAIGN_RFM_BINS/);
  });
});

const facts = (change: Partial<MemberFacts> & { stats?: Partial<PurchaseStats> } = {}): MemberFacts => {
  const s = stats({ purchases: 4, spendFen: 4 * 600_00, purchasesEver: 4, lastPurchaseAt: daysAgo(20), ...change.stats });
  return {
    memberId: 'm',
    tierId: 'SILVER',
    registeredVia: 'MINI_PROGRAM',
    consents: ['MARKETING'],
    rfm: scoreRfm(s, NOW),
    spendFen: s.spendFen,
    lastPurchaseAt: s.lastPurchaseAt,
    ...change,
  };
};

describe('segment rules', () => {
  it('DOMAIN §5 targeting: ≥ 3 purchases and AOV ≥ 500, with marketing consent', () => {
    const rule = compileRule(
      JSON.stringify({
        all: [
          { field: 'purchases', op: 'gte', value: 3 },
          { field: 'averageSpend', op: 'gte', value: '500.00' },
          { field: 'consent', op: 'has', value: 'MARKETING' },
        ],
      }),
    );
    expect(rule.matches(facts())).toBe(true);
    expect(rule.matches(facts({ stats: { purchases: 2, spendFen: 2 * 600_00 } }))).toBe(false);
    expect(rule.matches(facts({ stats: { spendFen: 4 * 499_99 } }))).toBe(false);
    expect(rule.matches(facts({ consents: [] }))).toBe(false);
  });

  it('combines any, not, in, tier, channel, RFM scores and segments, spend and last purchase', () => {
    const rule = compileRule(`{
      "any": [
        { "all": [ { "field": "tier", "op": "in", "value": ["GOLD", "DIAMOND"] }, { "field": "channel", "op": "eq", "value": "POS" } ] },
        { "all": [
          { "field": "rfmSegment", "op": "eq", "value": "HIGH_VALUE" },
          { "field": "recencyScore", "op": "gte", "value": 4 },
          { "field": "spend", "op": "gt", "value": 2000 },
          { "field": "lastPurchaseAt", "op": "gte", "value": "2026-11-01T00:00:00+08:00" },
          { "not": { "field": "customerSegment", "op": "eq", "value": "LAPSED" } }
        ] }
      ]
    }`);
    expect(rule.matches(facts({ tierId: 'GOLD', registeredVia: 'POS' }))).toBe(true);
    expect(rule.matches(facts({ tierId: 'GOLD' }))).toBe(true);
    expect(rule.matches(facts({ tierId: 'GOLD', stats: { lastPurchaseAt: daysAgo(40) } }))).toBe(false);
    expect(rule.text).not.toMatch(/\s/);
  });

  it('treats never-bought members as infinitely long ago', () => {
    const longAgo = compileRule('{"field":"daysSinceLastPurchase","op":"gt","value":90}');
    const recent = compileRule('{"field":"daysSinceLastPurchase","op":"lte","value":30}');
    const never = facts({ stats: { purchases: 0, spendFen: 0, purchasesEver: 0, lastPurchaseAt: null }, lastPurchaseAt: null });
    expect([longAgo.matches(never), recent.matches(never)]).toEqual([true, false]);
  });

  it.each([
    ['malformed JSON', '{"field": "tier", ', /not valid JSON/],
    ['an unknown field', '{"field":"shoeSize","op":"eq","value":42}', /rules\.field: unknown field "shoeSize"/],
    ['an unknown RFM segment', '{"field":"rfmSegment","op":"eq","value":"WHALES"}', /unknown RFM segment "WHALES"/],
    [
      'an unknown customer segment',
      '{"field":"customerSegment","op":"in","value":["LOYAL","VIP"]}',
      /value\[1\]: unknown customer segment "VIP"/,
    ],
    ['a wrong operator', '{"field":"tier","op":"gt","value":"GOLD"}', /tier takes eq, ne, in, notIn/],
    ['a score out of range', '{"field":"recencyScore","op":"eq","value":6}', /from 1 to 5/],
    ['bad money', '{"field":"spend","op":"gt","value":"12.345"}', /CNY/],
    ['an unknown channel', '{"field":"channel","op":"eq","value":"FAX"}', /unknown channel/],
    ['an empty group', '{"all":[]}', /non-empty array/],
    ['extra keys', '{"field":"tier","op":"eq","value":"GOLD","weight":2}', /got keys/],
    ['not an object', '[1,2]', /must be an object/],
    [
      'too deep',
      JSON.stringify({ not: { not: { not: { not: { not: { not: { field: 'tier', op: 'eq', value: 'GOLD' } } } } } } }),
      /deeper/,
    ],
  ])('refuses %s with BAD_USER_INPUT on rules', (_, text, message) => {
    let thrown: unknown;
    try {
      compileRule(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'rules' } });
    expect((thrown as Error).message).toMatch(message);
  });
});

describe('K-means clusters', () => {
  /** Three well-separated groups of members with a known shape. */
  function population(): PurchaseStats[] {
    const out: PurchaseStats[] = [];
    let seed = 7;
    const jitter = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31 - 0.5;
    };
    for (let i = 0; i < 120; i += 1) {
      out.push(
        stats({
          memberId: `vip-${i}`,
          purchases: 12 + Math.round(jitter() * 4),
          spendFen: 12 * (900_00 + jitter() * 100_00),
          purchasesEver: 20,
          lastPurchaseAt: daysAgo(5 + jitter() * 6),
          checkIns: 40,
          channels: 3,
        }),
      );
      out.push(
        stats({
          memberId: `mid-${i}`,
          purchases: 4 + Math.round(jitter() * 2),
          spendFen: 4 * (250_00 + jitter() * 50_00),
          purchasesEver: 6,
          lastPurchaseAt: daysAgo(60 + jitter() * 20),
          checkIns: 8,
          channels: 2,
        }),
      );
      out.push(
        stats({
          memberId: `gone-${i}`,
          purchases: 0,
          spendFen: 0,
          purchasesEver: 2,
          lastPurchaseAt: daysAgo(400),
          checkIns: 0,
          channels: 0,
        }),
      );
    }
    return out;
  }

  it('chooses k by silhouette, reports WCSS, and profiles clusters in original units', () => {
    const report = clusterMembers(population(), NOW, DEFAULT_RFM_BINS, { windowDays: 365, kMax: 6 })!;
    expect(report.k).toBe(3);
    expect(report.silhouette).toBeGreaterThan(0.7);
    expect(report.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6]);
    // WCSS falls as k grows; the silhouette peaks at the true k.
    expect(report.candidates[1].wcss).toBeLessThan(report.candidates[0].wcss);
    expect(Math.max(...report.candidates.map((c) => c.silhouette))).toBe(report.silhouette);
    expect(report.clusters.map((c) => c.size)).toEqual([120, 120, 120]);
    const vip = report.clusters.find((c) => c.centroid.purchases > 10)!;
    expect(vip.name).toBe('HIGH_VALUE');
    expect(vip.centroid.averageSpendFen).toBeGreaterThan(850_00);
    expect(vip.centroid.recencyDays).toBeLessThan(10);
    expect(vip.description).toMatch(/^120 members \(重要價值客戶\): last purchase about \d+ days ago/);
    expect(report.clusters.find((c) => c.centroid.purchases === 0)!.name).toBe('LOST');
    // Every member of a group lands in one cluster.
    const vipCluster = report.assignments[0];
    expect(report.assignments.filter((_, i) => i % 3 === 0).every((c) => c === vipCluster)).toBe(true);
  });

  it('is reproducible (seeded) and needs at least three members', () => {
    const a = clusterMembers(population(), NOW, DEFAULT_RFM_BINS, { windowDays: 365 })!;
    const b = clusterMembers(population(), NOW, DEFAULT_RFM_BINS, { windowDays: 365 })!;
    expect(b.assignments).toEqual(a.assignments);
    expect(clusterMembers(population().slice(0, 2), NOW, DEFAULT_RFM_BINS, { windowDays: 365 })).toBeNull();
  });
});
