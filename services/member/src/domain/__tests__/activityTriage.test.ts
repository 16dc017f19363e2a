import { triageActivity, twelfthPurchaseDue, type ActivityState } from '../activityTriage';
import { DEFAULT_TIERS } from '../tiers';

const T = new Date('2026-06-10T00:00:00Z');
const daysBefore = (n: number) => new Date(T.getTime() - n * 86_400_000);
const state = (change: Partial<ActivityState> = {}): ActivityState => ({
  tierId: 'SILVER',
  tierSource: 'EARNED',
  activityAsOf: daysBefore(1),
  grantEnded: false,
  lastTwelfthPurchaseAt: null,
  firstTopTierReached: false,
  ...change,
});
const report = (cny: number, purchases: number, asOf = T, refundedOrdersAt?: Date[]) => ({
  spendFen: cny * 100,
  purchases,
  asOf,
  refundedOrdersAt,
});
const triage = (s: ActivityState, r: ReturnType<typeof report>) => triageActivity(s, DEFAULT_TIERS, r, T);

describe('triageActivity: which reports may skip the tier engine', () => {
  it('stores only the figures of a report that crosses no threshold', () => {
    expect(triage(state(), report(3_100, 6))).toBe('FIGURES_ONLY');
    // Lower figures never downgrade (only the yearly run does).
    expect(triage(state(), report(0, 0))).toBe('FIGURES_ONLY');
  });

  it('skips a report older than the figures held, and stores one of the same instant again', () => {
    expect(triage(state({ activityAsOf: T }), report(50_000, 50, daysBefore(1)))).toBe('STALE');
    expect(triage(state({ activityAsOf: T }), report(100, 1, T))).toBe('FIGURES_ONLY');
  });

  it('sends an upgrade, an ended grant (even with an older report) and an unknown tier to the tier engine', () => {
    expect(triage(state(), report(10_000, 15))).toBe('TIER_ENGINE');
    expect(triage(state({ grantEnded: true, activityAsOf: T }), report(0, 0, daysBefore(3)))).toBe('TIER_ENGINE');
    expect(triage(state({ tierId: 'PLATINUM' }), report(0, 0))).toBe('TIER_ENGINE');
  });

  it('sends a refund to the tier engine only when the remaining figures no longer hold the tier', () => {
    expect(triage(state(), report(0, 0, T, [daysBefore(5)]))).toBe('TIER_ENGINE');
    expect(triage(state(), report(3_000, 5, T, [daysBefore(5)]))).toBe('FIGURES_ONLY');
    // The entry tier cannot go lower, and a staff grant is not touched by refunds.
    expect(triage(state({ tierId: 'REGULAR' }), report(0, 0, T, [daysBefore(5)]))).toBe('FIGURES_ONLY');
    expect(triage(state({ tierId: 'GOLD', tierSource: 'GRANTED' }), report(0, 0, T, [daysBefore(5)]))).toBe('FIGURES_ONLY');
  });

  it('sends a report that reaches a milestone to the tier engine, which records it once', () => {
    expect(triage(state({ tierId: 'GOLD' }), report(10_000, 15))).toBe('TIER_ENGINE');
    expect(triage(state({ tierId: 'GOLD', lastTwelfthPurchaseAt: daysBefore(30) }), report(10_000, 15))).toBe('FIGURES_ONLY');
    expect(triage(state({ tierId: 'DIAMOND' }), report(100, 1))).toBe('TIER_ENGINE');
    expect(triage(state({ tierId: 'DIAMOND', firstTopTierReached: true }), report(100, 1))).toBe('FIGURES_ONLY');
    // A granted top tier is no achievement.
    expect(triage(state({ tierId: 'DIAMOND', tierSource: 'GRANTED' }), report(100, 1))).toBe('FIGURES_ONLY');
  });
});

describe('twelfthPurchaseDue', () => {
  it('is due at 12 purchases, at most once in any 365 days', () => {
    expect(twelfthPurchaseDue(11, null, T)).toBe(false);
    expect(twelfthPurchaseDue(12, null, T)).toBe(true);
    expect(twelfthPurchaseDue(12, daysBefore(364), T)).toBe(false);
    expect(twelfthPurchaseDue(12, daysBefore(365), T)).toBe(true);
  });
});
