import type { CalendarCampaign, EarnCalendar } from '../src/domain/earnCalendar';

/**
 * A campaign of the calendar points computes coefficients from, live in `window` for every tier,
 * channel and store, unbudgeted, with no segment or consent: one points can decide alone unless
 * `change` says otherwise.
 */
export const multiplier = (
  id: string,
  coefficientMilli: number,
  window: Pick<CalendarCampaign, 'startsAt' | 'endsAt'>,
  change: Partial<CalendarCampaign> = {},
): CalendarCampaign => ({
  id,
  coefficientMilli,
  ...window,
  budgeted: false,
  targetTiers: null,
  targetChannels: null,
  targetStores: null,
  targetsSegments: false,
  requiresMarketingConsent: false,
  ...change,
});

/**
 * The calendar as campaign serves it (ListEarnCampaigns), holding campaigns from `holdsFrom`: the
 * default `max` combination, no mini-program task and no campaign whose orders qualify a referral.
 */
export const servedCalendar = (campaigns: CalendarCampaign[], holdsFrom: Date, change: Partial<EarnCalendar> = {}): EarnCalendar => ({
  campaigns,
  combination: 'max',
  holdsFrom,
  miniProgramOrderWindows: [],
  ordersQualifyReferrals: false,
  ...change,
});
