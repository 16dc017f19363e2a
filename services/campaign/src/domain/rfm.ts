import { DomainError } from '../../../kit/src';

/*
 * RFM (shared/DOMAIN.md §6) and the five customer segments (§1). Pure: the statistics come from the
 * points service, the bins from configuration.
 * - R = whole days since the last purchase, F = purchases in the window, M = average spend per
 *   purchase in the window (fen, net of refunds).
 * - Each is scored 1–5, 5 the best (most recent, most frequent, highest spend). The bins are the
 *   four edges between the five scores; DOMAIN's example "1 = within 30 days" numbers R the other
 *   way round — we keep 5 = best on all three so "high" means the same on each.
 * - A member who never bought in the window scores F = 1 and M = 1; one who never bought at all
 *   also R = 1.
 */

export interface RfmBins {
  /** R: at most this many days → 5, 4, 3, 2; more → 1. Ascending. */
  recencyDays: [number, number, number, number];
  /** F: at least this many purchases → 2, 3, 4, 5; fewer → 1. Ascending. */
  frequency: [number, number, number, number];
  /** M: an average spend of at least this many fen → 2, 3, 4, 5. Ascending. */
  monetaryFen: [number, number, number, number];
  /** A score at least this counts as "high" for the eight RFM segments. */
  highFrom: number;
}

export const DEFAULT_RFM_BINS: RfmBins = {
  recencyDays: [30, 60, 90, 180],
  frequency: [2, 3, 5, 8],
  monetaryFen: [100_00, 300_00, 500_00, 1000_00],
  highFrom: 3,
};

/** Window F and M are counted over (days). */
export const DEFAULT_RFM_WINDOW_DAYS = 365;

const ascending = (edges: readonly number[]) =>
  edges.every((edge, i) => Number.isFinite(edge) && edge >= 0 && (i === 0 || edge > edges[i - 1]));

/** "30,60,90,180;2,3,5,8;10000,30000,50000,100000;3" (R days; F; M fen; high from) → bins; config errors name the variable. */
export function parseRfmBins(text: string, variable: string): RfmBins {
  const parts = text.split(';').map((part) => part.split(',').map((n) => Number(n.trim())));
  const [r, f, m, high] = parts;
  const valid =
    parts.length === 4 &&
    [r, f, m].every((edges) => edges?.length === 4 && ascending(edges) && edges.every(Number.isInteger)) &&
    high?.length === 1 &&
    Number.isInteger(high[0]) &&
    high[0] >= 2 &&
    high[0] <= 5;
  if (!valid)
    throw new Error(
      `${variable} must be "R days;F counts;M fen;high from", four ascending whole numbers each, e.g. "30,60,90,180;2,3,5,8;10000,30000,50000,100000;3"`,
    );
  return {
    recencyDays: r as RfmBins['recencyDays'],
    frequency: f as RfmBins['frequency'],
    monetaryFen: m as RfmBins['monetaryFen'],
    highFrom: high[0],
  };
}

/** A member's purchase statistics as the points service computes them (orders by orderedAt). */
export interface PurchaseStats {
  memberId: string;
  /** Purchases (not wholly refunded) in the window. */
  purchases: number;
  /** Spend in the window, net of refunds, in fen. */
  spendFen: number;
  lastPurchaseAt: Date | null;
  firstPurchaseAt: Date | null;
  /** Purchases ever, for "used to buy often" (lapsed). */
  purchasesEver: number;
  /** Engagement: check-ins in the window and distinct channels bought through. */
  checkIns: number;
  channels: number;
}

export const RFM_SEGMENTS = [
  'HIGH_VALUE',
  'AT_RISK',
  'POTENTIAL',
  'WIN_BACK',
  'LOYAL_LOW_SPEND',
  'SLIPPING',
  'NEW_LOW_SPEND',
  'LOST',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** The eight segments by high/low R, F, M, with the labels a report shows (the common Chinese RFM names). */
export const RFM_SEGMENT_INFO: Record<RfmSegment, { r: boolean; f: boolean; m: boolean; label: string; description: string }> = {
  HIGH_VALUE: { r: true, f: true, m: true, label: '重要價值客戶', description: 'recent, frequent, high spend: keep delighted' },
  AT_RISK: { r: false, f: true, m: true, label: '重要保持客戶', description: 'frequent and high spend but not recently: reach out now' },
  POTENTIAL: { r: true, f: false, m: true, label: '重要發展客戶', description: 'recent high spend, few purchases: grow frequency' },
  WIN_BACK: { r: false, f: false, m: true, label: '重要挽留客戶', description: 'high spend once, gone quiet: win back' },
  LOYAL_LOW_SPEND: {
    r: true,
    f: true,
    m: false,
    label: '一般價值客戶',
    description: 'recent and frequent, small baskets: raise basket size',
  },
  SLIPPING: { r: false, f: true, m: false, label: '一般保持客戶', description: 'used to come often with small baskets: remind' },
  NEW_LOW_SPEND: { r: true, f: false, m: false, label: '一般發展客戶', description: 'recent, rare, small: light-touch promotion' },
  LOST: { r: false, f: false, m: false, label: '一般挽留客戶', description: 'long gone, rare, small: low priority' },
};

export const CUSTOMER_SEGMENTS = ['POTENTIAL', 'LOYAL', 'OCCASIONAL', 'LAPSED', 'PROSPECT'] as const;
export type CustomerSegment = (typeof CUSTOMER_SEGMENTS)[number];

export const CUSTOMER_SEGMENT_INFO: Record<CustomerSegment, { label: string; play: string }> = {
  POTENTIAL: { label: '潛力客戶', play: 'personalised offers' },
  LOYAL: { label: '忠誠客戶', play: 'points, exclusive privileges' },
  OCCASIONAL: { label: '購物客戶', play: 'light-touch promotion' },
  LAPSED: { label: '流失客戶', play: 'win-back campaign' },
  PROSPECT: { label: '非客戶', play: 'acquisition channels' },
};

export interface RfmScore {
  memberId: string;
  /** Days since the last purchase; null: never bought. */
  recencyDays: number | null;
  frequency: number;
  /** Average spend per purchase in the window, fen (rounded down). */
  monetaryFen: number;
  r: number;
  f: number;
  m: number;
  rfmSegment: RfmSegment;
  customerSegment: CustomerSegment;
}

const DAY_MS = 86_400_000;

/** 1 + the number of ascending edges at or below the value. */
const scoreUp = (value: number, edges: readonly number[]) => 1 + edges.filter((edge) => value >= edge).length;

export function scoreRfm(stats: PurchaseStats, now: Date, bins: RfmBins = DEFAULT_RFM_BINS): RfmScore {
  const recencyDays = stats.lastPurchaseAt ? Math.max(0, Math.floor((now.getTime() - stats.lastPurchaseAt.getTime()) / DAY_MS)) : null;
  const monetaryFen = stats.purchases > 0 ? Math.floor(stats.spendFen / stats.purchases) : 0;
  // R counts down: within the first edge → 5.
  const r = recencyDays === null ? 1 : 5 - bins.recencyDays.filter((edge) => recencyDays > edge).length;
  const f = stats.purchases > 0 ? scoreUp(stats.purchases, bins.frequency) : 1;
  const m = stats.purchases > 0 ? scoreUp(monetaryFen, bins.monetaryFen) : 1;
  const high = (score: number) => score >= bins.highFrom;
  const rfmSegment = RFM_SEGMENTS.find((s) => {
    const info = RFM_SEGMENT_INFO[s];
    return info.r === high(r) && info.f === high(f) && info.m === high(m);
  })!;
  return {
    memberId: stats.memberId,
    recencyDays,
    frequency: stats.purchases,
    monetaryFen,
    r,
    f,
    m,
    rfmSegment,
    customerSegment: customerSegmentOf(stats, r, f, bins),
  };
}

/**
 * DOMAIN §1, made decidable:
 * - prospect: never bought;
 * - lapsed: bought often (at least the "high F" count, ever) but not recently (R low);
 * - potential: one purchase so far, recently — room to grow;
 * - loyal: frequent (F high) and recent (R high);
 * - occasional: everyone else (rare, low-value).
 */
function customerSegmentOf(stats: PurchaseStats, r: number, f: number, bins: RfmBins): CustomerSegment {
  if (stats.purchasesEver === 0) return 'PROSPECT';
  const oftenCount = bins.frequency[bins.highFrom - 2];
  if (r < bins.highFrom) return stats.purchasesEver >= oftenCount ? 'LAPSED' : 'OCCASIONAL';
  if (stats.purchasesEver === 1) return 'POTENTIAL';
  if (f >= bins.highFrom) return 'LOYAL';
  return 'OCCASIONAL';
}

export function parseRfmSegment(text: string, field: string): RfmSegment {
  if (!(RFM_SEGMENTS as readonly string[]).includes(text)) {
    throw new DomainError('BAD_USER_INPUT', `${field}: unknown RFM segment ${JSON.stringify(text)}; one of ${RFM_SEGMENTS.join(', ')}`, {
      field,
    });
  }
  return text as RfmSegment;
}

export function parseCustomerSegment(text: string, field: string): CustomerSegment {
  if (!(CUSTOMER_SEGMENTS as readonly string[]).includes(text)) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `${field}: unknown customer segment ${JSON.stringify(text)}; one of ${CUSTOMER_SEGMENTS.join(', ')}`,
      {
        field,
      },
    );
  }
  return text as CustomerSegment;
}
