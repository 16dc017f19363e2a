import { editTier } from '../tierEdit';
import {
  ladderAsOf,
  progressToNext,
  qualifies,
  qualifyingTier,
  reevaluate,
  tierAfterRefund,
  upgradeTarget,
  type TierStep,
  type TierVersion,
} from '../tierEngine';
import { DEFAULT_TIERS, type TierRule } from '../tiers';

const [REGULAR, SILVER, GOLD, DIAMOND] = DEFAULT_TIERS;
const stats = (cny: string, purchases: number) => ({ spendFen: Math.round(Number(cny) * 100), purchases });

describe('qualification (DOMAIN.md §2)', () => {
  it('upgrades exactly at the threshold and not a fen below', () => {
    expect(upgradeTarget(REGULAR, DEFAULT_TIERS, stats('3000.00', 5))?.id).toBe('SILVER');
    expect(upgradeTarget(REGULAR, DEFAULT_TIERS, stats('2999.99', 5))).toBeNull();
  });

  it('needs both thresholds under AND, either under OR', () => {
    expect(qualifies(SILVER, stats('3000.00', 4))).toBe(false);
    expect(qualifies(SILVER, stats('100.00', 5))).toBe(false);
    const silverOr: TierRule = { ...SILVER, rule: 'OR' };
    expect(qualifies(silverOr, stats('3000.00', 1))).toBe(true);
    expect(qualifies(silverOr, stats('10.00', 5))).toBe(true);
    expect(qualifies(silverOr, stats('2999.99', 4))).toBe(false);
  });

  it('jumps straight to the highest tier qualified for, and never downgrades on activity', () => {
    expect(upgradeTarget(REGULAR, DEFAULT_TIERS, stats('30000.00', 30))?.id).toBe('DIAMOND');
    expect(upgradeTarget(GOLD, DEFAULT_TIERS, stats('0.00', 0))).toBeNull();
    expect(qualifyingTier(DEFAULT_TIERS, stats('0.00', 0)).id).toBe('REGULAR');
  });
});

describe('yearly re-evaluation', () => {
  it('steps down one tier at most', () => {
    expect(reevaluate(DIAMOND, DEFAULT_TIERS, stats('0.00', 0)).id).toBe('GOLD');
    expect(reevaluate(GOLD, DEFAULT_TIERS, stats('0.00', 0)).id).toBe('SILVER');
  });
  it('never below what the 12 months still qualify for, and up when they qualify higher', () => {
    expect(reevaluate(DIAMOND, DEFAULT_TIERS, stats('10000.00', 15)).id).toBe('GOLD');
    expect(reevaluate(GOLD, DEFAULT_TIERS, stats('10000.00', 15)).id).toBe('GOLD');
    expect(reevaluate(SILVER, DEFAULT_TIERS, stats('30000.00', 30)).id).toBe('DIAMOND');
  });
});

describe('progress', () => {
  it('says what is missing for the next tier, nothing at the top', () => {
    const progress = progressToNext(SILVER, DEFAULT_TIERS, stats('7500.00', 20));
    expect(progress).toMatchObject({ nextTier: GOLD, spendNeededFen: 250_000, purchasesNeeded: 0 });
    expect(progressToNext(DIAMOND, DEFAULT_TIERS, stats('1.00', 1))).toEqual({ nextTier: null, spendNeededFen: 0, purchasesNeeded: 0 });
  });
});

describe('versioned tiers', () => {
  const seed: TierVersion[] = DEFAULT_TIERS.map((t) => ({ ...t, effectiveFrom: new Date(0) }));
  const change: TierVersion = { ...SILVER, spendThresholdFen: 250_000, effectiveFrom: new Date('2027-01-01T00:00:00Z') };

  it('apply from their date and leave what applied before untouched', () => {
    expect(ladderAsOf([...seed, change], new Date('2026-12-31T23:59:59Z')).find((t) => t.id === 'SILVER')?.spendThresholdFen).toBe(300_000);
    expect(ladderAsOf([...seed, change], new Date('2027-01-01T00:00:00Z')).find((t) => t.id === 'SILVER')?.spendThresholdFen).toBe(250_000);
    expect(ladderAsOf([...seed, change], new Date()).map((t) => t.id)).toEqual(['REGULAR', 'SILVER', 'GOLD', 'DIAMOND']);
  });

  it('an edit is validated and must keep the ladder climbing', () => {
    expect(editTier(DEFAULT_TIERS, 'SILVER', { multiplier: '1.25', rule: 'OR' })).toMatchObject({
      id: 'SILVER',
      multiplierMilli: 1250,
      rule: 'OR',
    });
    expect(() => editTier(DEFAULT_TIERS, 'SILVER', { spendThreshold: '20000.00' })).toThrow(/thresholds must not fall/);
    expect(() => editTier(DEFAULT_TIERS, 'SILVER', { multiplier: '-1' })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => editTier(DEFAULT_TIERS, 'PLATINUM', { name: 'x' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('a refund within the return window (DOMAIN.md §2, §3)', () => {
  const DAY = 86_400_000;
  const WINDOW = 30 * DAY;
  const at = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * DAY);
  const step = (fromTier: string | null, toTier: string, reason: string, day: number): TierStep => ({
    fromTier,
    toTier,
    reason,
    at: at(day),
  });
  const after = (current: TierRule, left: ReturnType<typeof stats>, history: TierStep[], ordersAt: Date[]) =>
    tierAfterRefund(current, DEFAULT_TIERS, left, history, ordersAt, WINDOW)?.id ?? null;

  it('undoes a tier reached within the refunded order’s window, to what the remaining activity earns', () => {
    const history = [step('REGULAR', 'DIAMOND', 'UPGRADE', 10), step(null, 'REGULAR', 'REGISTERED', 0)];
    expect(after(DIAMOND, stats('0.00', 0), history, [at(10)])).toBe('REGULAR');
    expect(after(DIAMOND, stats('10000.00', 15), history, [at(10)])).toBe('GOLD');
    // The window is the refunded order's: 30 days after it was placed, inclusive.
    expect(after(DIAMOND, stats('0.00', 0), history, [at(-20)])).toBe('REGULAR');
    expect(after(DIAMOND, stats('0.00', 0), history, [at(-21)])).toBeNull();
    // A tier reached before the order was placed was not reached with it.
    expect(after(DIAMOND, stats('0.00', 0), history, [at(11)])).toBeNull();
  });

  it('walks back only the steps reached within a window: a tier held long enough stays until the yearly run', () => {
    const history = [
      step('SILVER', 'GOLD', 'UPGRADE', 100),
      step('REGULAR', 'SILVER', 'UPGRADE', 10),
      step(null, 'REGULAR', 'REGISTERED', 0),
    ];
    expect(after(GOLD, stats('0.00', 0), history, [at(95)])).toBe('SILVER');
    expect(after(GOLD, stats('0.00', 0), history, [at(95), at(5)])).toBe('REGULAR');
  });

  it('leaves a tier the remaining activity still qualifies for, and one not reached by a purchase', () => {
    const history = [step('REGULAR', 'SILVER', 'UPGRADE', 10), step(null, 'REGULAR', 'REGISTERED', 0)];
    expect(after(SILVER, stats('3000.00', 5), history, [at(10)])).toBeNull();
    expect(after(SILVER, stats('0.00', 0), [step('GOLD', 'SILVER', 'GRANT_EXPIRED', 10), ...history], [at(10)])).toBeNull();
    expect(after(SILVER, stats('0.00', 0), [step('REGULAR', 'SILVER', 'MERGED', 10)], [at(10)])).toBeNull();
    // A step down by an earlier refund does not count as reaching the tier.
    expect(
      after(SILVER, stats('0.00', 0), [step('GOLD', 'SILVER', 'REFUND', 12), step('SILVER', 'GOLD', 'UPGRADE', 11), ...history], [at(10)]),
    ).toBe('REGULAR');
  });
});
