import { aucAlert, burnRateAlert, memberAlerts, periodOf } from '../alerts';
import type { MemberSnapshot } from '../features';

const steady: MemberSnapshot = {
  daysSinceLastOrder: 5,
  ordersLastYear: 12,
  orders90: 3,
  ordersPrior90: 3,
  meanOrderFen: 20_000,
  spendLastYearFen: 240_000,
  tenureDays: 400,
  refundShare: 0,
  pointsIssued: 2400,
  pointsBurned: 1000,
  burnRate: 0.42,
  burns90: 2,
  checkIns90: 0,
  campaignEngagements90: 0,
  refunds30: 0,
  refundsPrior: 1,
};
const kinds = (s: MemberSnapshot, health = 70, earlier: number[] = []) =>
  memberAlerts('m1', s, health, earlier).map((a) => `${a.kind}:${a.severity}`);

describe('memberAlerts', () => {
  it('raises nothing for a steady member', () => {
    expect(kinds(steady)).toEqual([]);
  });

  it('HEALTH_LOW below 30, HEALTH_FALLING after three falls', () => {
    expect(kinds(steady, 29)).toEqual(['HEALTH_LOW:MEDIUM']);
    expect(kinds(steady, 30)).toEqual([]);
    expect(kinds(steady, 40, [70, 60, 50])).toEqual(['HEALTH_FALLING:HIGH']);
    expect(kinds(steady, 40, [60, 50])).toEqual([]);
  });

  it('ACTIVITY_DROP at a quarter of the previous 90 days or less (from 3), HIGH at none', () => {
    expect(kinds({ ...steady, ordersPrior90: 4, orders90: 1 })).toEqual(['ACTIVITY_DROP:MEDIUM']);
    expect(kinds({ ...steady, ordersPrior90: 4, orders90: 2 })).toEqual([]);
    expect(kinds({ ...steady, ordersPrior90: 3, orders90: 0 })).toEqual(['ACTIVITY_DROP:HIGH']);
    expect(kinds({ ...steady, ordersPrior90: 2, orders90: 0 })).toEqual([]);
  });

  it('REFUND_SPIKE from 3 refunded orders in 30 days above three times the monthly average, HIGH from 5', () => {
    expect(kinds({ ...steady, refunds30: 3, refundsPrior: 0 })).toEqual(['REFUND_SPIKE:MEDIUM']);
    expect(kinds({ ...steady, refunds30: 5, refundsPrior: 2 })).toEqual(['REFUND_SPIKE:HIGH']);
    expect(kinds({ ...steady, refunds30: 2, refundsPrior: 0 })).toEqual([]);
    // A member who always returns a lot: 3 a month is their normal.
    expect(kinds({ ...steady, refunds30: 3, refundsPrior: 33 })).toEqual([]);
  });
});

describe('programme and model alerts', () => {
  it('BURN_RATE_LOW below 30% of points issued, HIGH below 15%', () => {
    expect(burnRateAlert(1000, 300)).toBeNull();
    expect(burnRateAlert(1000, 299)).toMatchObject({ kind: 'BURN_RATE_LOW', subject: 'programme', severity: 'MEDIUM' });
    expect(burnRateAlert(1000, 100)).toMatchObject({ severity: 'HIGH' });
    expect(burnRateAlert(0, 0)).toBeNull();
  });

  it('MODEL_AUC_LOW below 0.75', () => {
    expect(aucAlert('churn', 0.75, 3)).toBeNull();
    expect(aucAlert('churn', 0.7, 3)).toMatchObject({ kind: 'MODEL_AUC_LOW', subject: 'churn', severity: 'HIGH' });
  });

  it('periods are UTC months', () => {
    expect(periodOf(new Date('2026-11-30T23:59:59Z'))).toBe('2026-11');
  });
});
