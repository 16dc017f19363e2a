import { parseChannel } from '../../../../kit/src';
import { newMember } from '../registerMember';
import { DEFAULT_TIERS, entryTier, type TierRule } from '../tiers';

const tier = (id: string, rank: number): TierRule => ({
  id,
  name: id,
  rank,
  spendThresholdFen: rank * 100,
  purchaseThreshold: rank,
  rule: 'AND',
  multiplierMilli: 1000,
  pointsNeverExpire: false,
});

describe('DEFAULT_TIERS match shared/DOMAIN.md §2', () => {
  const byId = Object.fromEntries(DEFAULT_TIERS.map((t) => [t.id, t]));

  it('has the four rungs in rank order', () => {
    expect(DEFAULT_TIERS.map((t) => [t.id, t.rank])).toEqual([
      ['REGULAR', 0],
      ['SILVER', 1],
      ['GOLD', 2],
      ['DIAMOND', 3],
    ]);
  });

  it.each([
    ['REGULAR', 0, 1, 1000],
    ['SILVER', 3_000, 5, 1200],
    ['GOLD', 10_000, 15, 1500],
    ['DIAMOND', 30_000, 30, 2000],
  ])('%s: spend ≥ %i CNY, purchases ≥ %i, γ %i‰', (id, cny, purchases, milli) => {
    expect(byId[id].spendThresholdFen).toBe(cny * 100);
    expect(byId[id].purchaseThreshold).toBe(purchases);
    expect(byId[id].multiplierMilli).toBe(milli);
    expect(Number.isInteger(byId[id].spendThresholdFen)).toBe(true);
  });

  it('qualifies on spend AND frequency by default', () => {
    for (const t of DEFAULT_TIERS) expect(t.rule).toBe('AND');
  });

  it('lets only Diamond points never expire', () => {
    expect(DEFAULT_TIERS.filter((t) => t.pointsNeverExpire).map((t) => t.id)).toEqual(['DIAMOND']);
  });

  it('names each tier in English and Chinese', () => {
    expect(byId.REGULAR.name).toContain('普通會員');
    expect(byId.SILVER.name).toContain('銀卡會員');
    expect(byId.GOLD.name).toContain('金卡會員');
    expect(byId.DIAMOND.name).toContain('鉆石會員');
  });

  it('has strictly increasing thresholds and multipliers', () => {
    for (let i = 1; i < DEFAULT_TIERS.length; i += 1) {
      expect(DEFAULT_TIERS[i].spendThresholdFen).toBeGreaterThan(DEFAULT_TIERS[i - 1].spendThresholdFen);
      expect(DEFAULT_TIERS[i].purchaseThreshold).toBeGreaterThan(DEFAULT_TIERS[i - 1].purchaseThreshold);
      expect(DEFAULT_TIERS[i].multiplierMilli).toBeGreaterThan(DEFAULT_TIERS[i - 1].multiplierMilli);
    }
  });
});

describe('entryTier', () => {
  it('is Regular for the default ladder', () => {
    expect(entryTier(DEFAULT_TIERS).id).toBe('REGULAR');
    expect(entryTier([...DEFAULT_TIERS].reverse()).id).toBe('REGULAR');
  });

  it('picks the lowest rank whatever the order of the rows', () => {
    const rows = [tier('C', 7), tier('A', 2), tier('D', 9), tier('B', 5)];
    expect(entryTier(rows).id).toBe('A');
    expect(entryTier([...rows].reverse()).id).toBe('A');
    for (let shift = 0; shift < rows.length; shift += 1) {
      expect(entryTier([...rows.slice(shift), ...rows.slice(0, shift)]).id).toBe('A');
    }
  });

  it('handles negative ranks and a single row', () => {
    expect(entryTier([tier('ZERO', 0), tier('NEG', -1)]).id).toBe('NEG');
    expect(entryTier([tier('ONLY', 4)]).id).toBe('ONLY');
  });

  it('does not reorder the rows it is given', () => {
    const rows = [tier('B', 1), tier('A', 0)];
    entryTier(rows);
    expect(rows.map((t) => t.id)).toEqual(['B', 'A']);
  });
});

describe('registration', () => {
  it('validates the phone and the channel', () => {
    const draft = newMember({ phone: '+86 139 0000 1111', channel: 'MINI_PROGRAM' }, new Date('2026-01-01T00:00:00Z'));
    expect(draft).toMatchObject({ phone: '13900001111', registeredVia: 'MINI_PROGRAM', registeredAt: new Date('2026-01-01T00:00:00Z') });
    expect(draft.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(() => parseChannel('FAX')).toThrow(/channel must be one of WEB, MINI_PROGRAM, POS, PARTNER/);
  });
});
