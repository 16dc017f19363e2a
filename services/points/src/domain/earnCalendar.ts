import { admitsTierAndOrder, unbudgetedCoefficient, type Combination, type OrderTargeting } from '../../../kit/src';

/** A MULTIPLIER campaign of the campaign service's calendar (CampaignService.ListEarnCampaigns). */
export interface CalendarCampaign extends OrderTargeting {
  id: string;
  coefficientMilli: number;
  startsAt: Date;
  endsAt: Date;
  /** A points budget: only the campaign service reserves from it. */
  budgeted: boolean;
  /** Segment membership and marketing consent are facts only the campaign service gathers. */
  targetsSegments: boolean;
  requiresMarketingConsent: boolean;
}

/** What an order's coefficient depends on in the campaign service, as points holds it. */
export interface EarnCalendar {
  /** Every SCHEDULED multiplier that ends after `holdsFrom`. */
  campaigns: readonly CalendarCampaign[];
  combination: Combination;
  /** The calendar answers only for orders placed after this instant. */
  holdsFrom: Date;
  /** Windows of campaigns that count a MINI_PROGRAM order as an action (the campaign service counts it when asked). */
  miniProgramOrderWindows: ReadonlyArray<{ startsAt: Date; endsAt: Date }>;
  /** Every order may qualify a referral (REFERRAL_QUALIFYING_EVENT=FIRST_PURCHASE): the campaign service must hear of each. */
  ordersQualifyReferrals: boolean;
}

/** The order as the calendar judges it. */
export interface CalendarOrder {
  orderedAt: Date;
  tierId: string;
  channel: string;
  store: string | null;
}

const liveAt = (window: { startsAt: Date; endsAt: Date }, at: Date) =>
  window.startsAt.getTime() <= at.getTime() && at.getTime() < window.endsAt.getTime();

/**
 * The order's activity coefficient from the calendar, exactly as the campaign service's boostEarn
 * would answer it, or null when only the campaign service may answer: an order at or before what
 * the calendar holds, an order the campaign service must hear of (it counts as an action, it may
 * qualify a referral), or a live campaign admitting the order's tier, channel and store that has a
 * budget (it reserves) or targets segments or consent (facts points does not hold). Otherwise no
 * campaign can reserve or be excluded by facts points lacks, and the kit's combination of the
 * admitted campaigns (the one planBoost applies) is the answer.
 */
export function calendarCoefficient(calendar: EarnCalendar, order: CalendarOrder): number | null {
  const at = order.orderedAt;
  if (at.getTime() <= calendar.holdsFrom.getTime()) return null;
  if (calendar.ordersQualifyReferrals) return null;
  if (order.channel === 'MINI_PROGRAM' && calendar.miniProgramOrderWindows.some((w) => liveAt(w, at))) return null;
  const action = { channel: order.channel, store: order.store };
  const admitted = calendar.campaigns.filter((c) => liveAt(c, at) && admitsTierAndOrder(c, order.tierId, action));
  if (admitted.some((c) => c.budgeted || c.targetsSegments || c.requiresMarketingConsent)) return null;
  return unbudgetedCoefficient(admitted, calendar.combination);
}
