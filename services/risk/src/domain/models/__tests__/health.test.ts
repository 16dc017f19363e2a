import { annualChurnRate, modelClvFen, simpleClvFen } from '../clv';
import type { MemberSnapshot } from '../features';
import { fallingForPeriods, healthScore } from '../health';

const active: MemberSnapshot = {
  daysSinceLastOrder: 3,
  ordersLastYear: 12,
  orders90: 4,
  ordersPrior90: 3,
  meanOrderFen: 20_000,
  spendLastYearFen: 240_000,
  tenureDays: 400,
  refundShare: 0,
  pointsIssued: 2400,
  pointsBurned: 1200,
  burnRate: 0.5,
  burns90: 1,
  checkIns90: 0,
  campaignEngagements90: 2,
  refunds30: 0,
  refundsPrior: 0,
};

describe('healthScore', () => {
  it('is high for a recent, steady buyer who uses their points, and below 30 for a lapsed one', () => {
    expect(healthScore(active)).toBeGreaterThan(80);
    const lapsed = {
      ...active,
      daysSinceLastOrder: 200,
      orders90: 0,
      ordersPrior90: 0,
      burnRate: 0.05,
      burns90: 0,
      campaignEngagements90: 0,
    };
    expect(healthScore(lapsed)).toBeLessThan(30);
  });

  it('falls with each part: recency, a slowing trend, no engagement, unburned points', () => {
    const base = healthScore(active);
    expect(healthScore({ ...active, daysSinceLastOrder: 60 })).toBeLessThan(base);
    expect(healthScore({ ...active, orders90: 0, ordersPrior90: 4 })).toBeLessThan(base);
    expect(healthScore({ ...active, burns90: 0, campaignEngagements90: 0 })).toBeLessThan(base);
    expect(healthScore({ ...active, burnRate: 0.1 })).toBeLessThan(base);
    expect(healthScore({ ...active, burnRate: 2 })).toBe(base);
  });
});

describe("healthScore's engagement", () => {
  const quiet = { ...active, burns90: 0, campaignEngagements90: 0 };

  it('counts engagement with campaigns as a burn counts: one each, full at two', () => {
    expect(healthScore({ ...quiet, campaignEngagements90: 1 })).toBe(healthScore({ ...quiet, burns90: 1 }));
    expect(healthScore({ ...quiet, campaignEngagements90: 1 })).toBeGreaterThan(healthScore(quiet));
    expect(healthScore({ ...quiet, campaignEngagements90: 2 })).toBe(healthScore({ ...quiet, campaignEngagements90: 9 }));
  });

  it('weighs five check-ins as one engagement', () => {
    expect(healthScore({ ...quiet, checkIns90: 5 })).toBe(healthScore({ ...quiet, burns90: 1 }));
    expect(healthScore({ ...quiet, checkIns90: 10 })).toBe(healthScore({ ...quiet, burns90: 2 }));
    expect(healthScore({ ...quiet, checkIns90: 1 })).toBeGreaterThan(healthScore(quiet));
  });
});

describe('fallingForPeriods', () => {
  it('needs a fall in each of the last three periods', () => {
    expect(fallingForPeriods([80, 70, 60, 50])).toBe(true);
    expect(fallingForPeriods([90, 80, 70, 60, 50])).toBe(true);
    expect(fallingForPeriods([70, 60, 50])).toBe(false);
    expect(fallingForPeriods([80, 70, 70, 60])).toBe(false);
    expect(fallingForPeriods([80, 70, 60, 65])).toBe(false);
  });
});

describe('CLV', () => {
  it('simplified: AOV × purchases per year × margin / churn rate, in whole fen, the rate floored at 5%', () => {
    expect(simpleClvFen({ aovFen: 20_000, purchasesPerYear: 12, margin: 0.3, annualChurnRate: 0.5 })).toBe(144_000);
    expect(simpleClvFen({ aovFen: 20_000, purchasesPerYear: 12, margin: 0.3, annualChurnRate: 0 })).toBe(1_440_000);
  });

  it('annualises a 90-day churn probability', () => {
    expect(annualChurnRate(0, 90)).toBe(0);
    expect(annualChurnRate(0.2, 90)).toBeCloseTo(1 - 0.8 ** (365 / 90), 12);
  });

  it('model: expected purchases × expected order value × margin', () => {
    expect(modelClvFen({ expectedPurchases: 4, expectedOrderFen: 25_000, margin: 0.3 })).toBe(30_000);
    expect(modelClvFen({ expectedPurchases: NaN, expectedOrderFen: 25_000, margin: 0.3 })).toBe(0);
  });
});
