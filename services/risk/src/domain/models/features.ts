import { DAY_MS, type MemberActivity } from './activity';

/**
 * The churn model's features (DOMAIN.md §6: RFM and engagement), each computed from what happened
 * before `asOf` only, so a model trained at a past cutoff never sees its own label:
 * - recency: log(1 + days since the last order)
 * - frequency: log(1 + orders in the last 365 days)
 * - monetary: log(1 + mean order in CNY over the last 365 days, or ever when none)
 * - trend: (orders in the last 90 days − the 90 before) / (both + 1), in (−1, 1)
 * - tenure: log(1 + days since the first order)
 * - refundShare: refunded / ordered over the last 365 days
 * - burnRate: points burned / issued over the last 365 days (0 when none issued), capped at 2
 * - engagement: log(1 + points burns in the last 90 days): using the points is engagement
 * - recencyXfrequency: recency × frequency, the interaction DOMAIN.md §6 names: a long silence
 *   means lapsing for a frequent buyer and nothing for a rare one
 * - checkIns: log(1 + daily check-ins in the last 90 days), from points' ledger (CHECK_IN earns)
 * - campaignEngagement: log(1 + engagements with campaigns in the last 90 days: task actions and
 *   completions, referral shares and conversions, experiment exposures and conversions), from campaign
 * New features go last, and a stored model is scored by its own feature names (featureRow), so a
 * version trained before them still scores as it was trained.
 */
export const CHURN_FEATURES = [
  'recency',
  'frequency',
  'monetary',
  'trend',
  'tenure',
  'refundShare',
  'burnRate',
  'engagement',
  'recencyXfrequency',
  'checkIns',
  'campaignEngagement',
] as const;
export type ChurnFeature = (typeof CHURN_FEATURES)[number];

/** The window the engagement features and the health score's engagement count over. */
export const ENGAGEMENT_WINDOW_DAYS = 90;

export interface MemberSnapshot {
  daysSinceLastOrder: number;
  ordersLastYear: number;
  orders90: number;
  ordersPrior90: number;
  meanOrderFen: number;
  spendLastYearFen: number;
  tenureDays: number;
  refundShare: number;
  pointsIssued: number;
  pointsBurned: number;
  burnRate: number;
  /** In the last 90 days: points burns, check-ins, engagements with campaigns. */
  burns90: number;
  checkIns90: number;
  campaignEngagements90: number;
  /** Orders of the last 30 days that were refunded (in part or whole), and of the 335 days before. */
  refunds30: number;
  refundsPrior: number;
}

/** What a member looked like at `asOf`; null when they had ordered nothing by then. */
export function snapshot(activity: MemberActivity, asOf: Date): MemberSnapshot | null {
  const now = asOf.getTime();
  const orders = activity.orders.filter((o) => o.orderedAt.getTime() < now);
  if (orders.length === 0) return null;
  const ageDays = (at: Date) => (now - at.getTime()) / DAY_MS;
  const lastYear = orders.filter((o) => ageDays(o.orderedAt) <= 365);
  const orders90 = orders.filter((o) => ageDays(o.orderedAt) <= 90).length;
  const ordersPrior90 = orders.filter((o) => ageDays(o.orderedAt) > 90 && ageDays(o.orderedAt) <= 180).length;
  const spendLastYearFen = lastYear.reduce((s, o) => s + o.amountFen, 0);
  const refundedFen = lastYear.reduce((s, o) => s + o.refundedFen, 0);
  const meanOf = (list: typeof orders) => list.reduce((s, o) => s + o.amountFen, 0) / list.length;
  const points = activity.points.filter((p) => p.at.getTime() < now && ageDays(p.at) <= 365);
  const pointsIssued = points.filter((p) => p.kind === 'EARN').reduce((s, p) => s + p.points, 0);
  const pointsBurned = points.filter((p) => p.kind === 'BURN').reduce((s, p) => s + p.points, 0);
  const recent = points.filter((p) => ageDays(p.at) <= ENGAGEMENT_WINDOW_DAYS);
  const campaignEngagements90 = activity.engagements.filter((e) => e.at.getTime() < now && ageDays(e.at) <= ENGAGEMENT_WINDOW_DAYS).length;
  return {
    daysSinceLastOrder: Math.min(...orders.map((o) => ageDays(o.orderedAt))),
    ordersLastYear: lastYear.length,
    orders90,
    ordersPrior90,
    meanOrderFen: lastYear.length ? meanOf(lastYear) : meanOf(orders),
    spendLastYearFen,
    tenureDays: Math.max(...orders.map((o) => ageDays(o.orderedAt))),
    refundShare: spendLastYearFen > 0 ? Math.min(1, refundedFen / spendLastYearFen) : 0,
    pointsIssued,
    pointsBurned,
    burnRate: pointsIssued > 0 ? Math.min(2, pointsBurned / pointsIssued) : 0,
    burns90: recent.filter((p) => p.kind === 'BURN').length,
    checkIns90: recent.filter((p) => p.kind === 'EARN' && p.source === 'CHECK_IN').length,
    campaignEngagements90,
    refunds30: lastYear.filter((o) => o.refundedFen > 0 && ageDays(o.orderedAt) <= 30).length,
    refundsPrior: lastYear.filter((o) => o.refundedFen > 0 && ageDays(o.orderedAt) > 30).length,
  };
}

/** Every feature's value, by name. */
export function featureValues(s: MemberSnapshot): Record<ChurnFeature, number> {
  const recency = Math.log1p(s.daysSinceLastOrder);
  const frequency = Math.log1p(s.ordersLastYear);
  return {
    recency,
    frequency,
    monetary: Math.log1p(s.meanOrderFen / 100),
    trend: (s.orders90 - s.ordersPrior90) / (s.orders90 + s.ordersPrior90 + 1),
    tenure: Math.log1p(s.tenureDays),
    refundShare: s.refundShare,
    burnRate: s.burnRate,
    engagement: Math.log1p(s.burns90),
    recencyXfrequency: recency * frequency,
    checkIns: Math.log1p(s.checkIns90),
    campaignEngagement: Math.log1p(s.campaignEngagements90),
  };
}

/** The row for a model's features, in its order (a stored model names the features it was trained on). */
export function featureRow(names: readonly string[], s: MemberSnapshot): number[] {
  const values = featureValues(s);
  return names.map((name) => {
    if (!(name in values)) throw new Error(`the churn model names a feature this version does not compute: ${name}`);
    return values[name as ChurnFeature];
  });
}

/** The feature row in CHURN_FEATURES order. */
export function churnFeatures(s: MemberSnapshot): number[] {
  return featureRow(CHURN_FEATURES, s);
}

/** The label: no order in [cutoff, cutoff + horizon). */
export function churnedAfter(activity: MemberActivity, cutoff: Date, horizonDays: number): boolean {
  const from = cutoff.getTime();
  const to = from + horizonDays * DAY_MS;
  return !activity.orders.some((o) => o.orderedAt.getTime() >= from && o.orderedAt.getTime() < to);
}
