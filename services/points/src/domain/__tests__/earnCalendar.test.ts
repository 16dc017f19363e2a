import { multiplier, servedCalendar } from '../../../test/calendarFixture';
import { calendarCoefficient, type CalendarCampaign, type EarnCalendar } from '../earnCalendar';

const AT = new Date('2026-12-03T12:00:00Z');
const hours = (n: number) => new Date(AT.getTime() + n * 3_600_000);

// Live from an hour before the order to an hour after it, the calendar holding campaigns from two hours before.
const campaign = (id: string, coefficientMilli: number, change: Partial<CalendarCampaign> = {}) =>
  multiplier(id, coefficientMilli, { startsAt: hours(-1), endsAt: hours(1) }, change);
const calendar = (campaigns: CalendarCampaign[], change: Partial<EarnCalendar> = {}) => servedCalendar(campaigns, hours(-2), change);

const order = { orderedAt: AT, tierId: 'SILVER', channel: 'POS', store: 'SH-01' };

describe('calendarCoefficient: the coefficient points computes itself, or null (campaign answers)', () => {
  it('combines the live unbudgeted campaigns the order’s tier, channel and store admit, as campaign does', () => {
    const live = [campaign('a', 2000), campaign('b', 1500), campaign('gold', 3000, { targetTiers: ['GOLD'] })];
    expect(calendarCoefficient(calendar(live), order)).toBe(2000);
    // Multiplied highest first, floored to a thousandth per step: 2.0 × 1.5.
    expect(calendarCoefficient(calendar(live, { combination: 'product' }), order)).toBe(3000);
    expect(calendarCoefficient(calendar([campaign('a', 1333), campaign('b', 1333)], { combination: 'product' }), order)).toBe(1776);
    // Not live at the order's time (its window ends exactly then), or another store: no boost.
    expect(calendarCoefficient(calendar([campaign('a', 2000, { endsAt: AT })]), order)).toBe(1000);
    expect(calendarCoefficient(calendar([campaign('a', 2000, { targetStores: ['BJ-02'] })]), order)).toBe(1000);
    expect(calendarCoefficient(calendar([]), order)).toBe(1000);
  });

  it('a budgeted, segment or consent campaign admitting the order: campaign answers', () => {
    for (const change of [{ budgeted: true }, { targetsSegments: true }, { requiresMarketingConsent: true }])
      expect(calendarCoefficient(calendar([campaign('a', 1500), campaign('x', 2000, change)]), order)).toBeNull();
  });

  it('a budgeted campaign the order’s channel does not admit changes nothing', () => {
    const web = campaign('web', 3000, { budgeted: true, targetChannels: ['WEB'] });
    expect(calendarCoefficient(calendar([campaign('a', 1500), web]), order)).toBe(1500);
  });

  it('an order at or before what the calendar holds, a mini-program order a task counts, an order that may qualify a referral: campaign answers', () => {
    expect(calendarCoefficient(calendar([], { holdsFrom: AT }), order)).toBeNull();
    const task = { startsAt: hours(-1), endsAt: hours(1) };
    expect(calendarCoefficient(calendar([], { miniProgramOrderWindows: [task] }), { ...order, channel: 'MINI_PROGRAM' })).toBeNull();
    // A POS order is no first mini-program order; a task that has ended counts nothing.
    expect(calendarCoefficient(calendar([], { miniProgramOrderWindows: [task] }), order)).toBe(1000);
    expect(
      calendarCoefficient(calendar([], { miniProgramOrderWindows: [{ startsAt: hours(-2), endsAt: AT }] }), {
        ...order,
        channel: 'MINI_PROGRAM',
      }),
    ).toBe(1000);
    expect(calendarCoefficient(calendar([], { ordersQualifyReferrals: true }), order)).toBeNull();
  });
});
