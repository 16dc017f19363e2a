import type { BenefitType } from './benefitMatrix';

/**
 * Benefits ranked per member by the priority score of shared/DOMAIN.md §4, S = Σ wᵢ·featureᵢ:
 * each benefit type has a base value (what it is worth to anyone) and a weight for each member
 * feature (tag or live behaviour), each feature a number from 0 to 1. Overlapping benefits are
 * de-duplicated (of two benefits of one type the better one stays), and every ranked benefit says
 * which terms made its score, so a member or an operator can see why it ranks where it does.
 */

export const FEATURES = ['highValue', 'frequent', 'dormant', 'newMember'] as const;
export type Feature = (typeof FEATURES)[number];

/** The points service's figures of the rolling 12 months, net of refunds. */
export interface SpendSignals {
  spendFen: number;
  purchases: number;
  lastPurchaseAt: Date | null;
}

/** What is known of a member: the registration from the member service, the spend from points. */
export interface MemberSignals {
  /** Null when the member service did not say (newMember is then 0, and said so). */
  registeredAt: Date | null;
  /** Null when the points service could not give it: the features measured by it are left out. */
  spend: SpendSignals | null;
}

export interface FeatureValue {
  value: number;
  /** Why it has this value, for the reasons. */
  why: string;
  /** Set when the feature could not be measured at all: said on every ranked benefit, once. */
  leftOut?: string;
}

/** Said on each benefit ranked while the points service could not give the spend. */
export const SPEND_UNAVAILABLE = 'spend unavailable: ranked without spend';

/** The thresholds the features are measured against (DOMAIN §2 and §3 figures). */
export const FEATURE_SCALES = {
  /** Gold's annual spend (§2): at or above it a member is fully "high value". */
  highValueSpendFen: 1_000_000,
  /** The 12-purchases-a-year milestone (§2). */
  frequentPurchases: 12,
  /** Days without a purchase from which a member starts to count as dormant, and is fully dormant. */
  dormantFromDays: 30,
  dormantFullDays: 90,
  /** Days after registration a member counts as new, fading to 0. */
  newForDays: 30,
} as const;

const DAY_MS = 86_400_000;
const clamp = (x: number) => Math.max(0, Math.min(1, x));
const days = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY_MS);

/**
 * Each feature of a member at `now`, from 0 to 1. Without the spend, high value, frequency and
 * dormancy are left out rather than guessed (a member with no known purchase is not thereby
 * dormant): the benefits rank by what is known, and say so.
 */
export function memberFeatures(signals: MemberSignals, now: Date): Record<Feature, FeatureValue> {
  const s = FEATURE_SCALES;
  const age = signals.registeredAt ? days(signals.registeredAt, now) : null;
  const newMember: FeatureValue =
    age === null ? { value: 0, why: 'registration unknown' } : { value: clamp(1 - age / s.newForDays), why: `joined ${age} days ago` };
  const spend = signals.spend;
  if (!spend) {
    const leftOut: FeatureValue = { value: 0, why: 'spend unavailable', leftOut: SPEND_UNAVAILABLE };
    return { highValue: leftOut, frequent: leftOut, dormant: leftOut, newMember };
  }
  const highValue = {
    value: clamp(spend.spendFen / s.highValueSpendFen),
    why: `${(spend.spendFen / 100).toFixed(2)} CNY spent in 12 months`,
  };
  const frequent = { value: clamp(spend.purchases / s.frequentPurchases), why: `${spend.purchases} purchases in 12 months` };
  const since = spend.lastPurchaseAt ?? signals.registeredAt;
  const idle = since ? days(since, now) : null;
  const dormant =
    idle === null
      ? { value: 0, why: 'last purchase unknown' }
      : {
          value: clamp((idle - s.dormantFromDays) / (s.dormantFullDays - s.dormantFromDays)),
          why: spend.lastPurchaseAt ? `${idle} days since the last purchase` : `no purchase in ${idle} days since joining`,
        };
  return { highValue, frequent, dormant, newMember };
}

export interface TypeWeights {
  base: number;
  features: Partial<Record<Feature, number>>;
}

/**
 * The default weights: the base is the benefit's functional value to anyone; a feature weight is
 * how much more it matters to a member with that tag (a dormant member is won back by a discount
 * or free shipping, a high-value one values service and events, a new one the community).
 */
export const DEFAULT_WEIGHTS: Record<BenefitType, TypeWeights> = {
  DISCOUNT: { base: 3, features: { dormant: 3, newMember: 1 } },
  BIRTHDAY: { base: 1, features: {} },
  PRIORITY_SERVICE: { base: 1, features: { highValue: 3 } },
  EVENT: { base: 1, features: { highValue: 2, frequent: 1 } },
  POINTS_ACCELERATION: { base: 2, features: { frequent: 2, newMember: 1 } },
  COMMUNITY: { base: 1, features: { newMember: 2, frequent: 1, highValue: 1 } },
  FREE_SHIPPING: { base: 2, features: { dormant: 2, newMember: 1 } },
  GIFT: { base: 1.5, features: { dormant: 2 } },
  CUSTOM: { base: 1, features: {} },
};

export interface RankableBenefit {
  code: string;
  type: BenefitType;
  discountPercent: number | null;
  position: number;
}

export interface RankedBenefit<B> {
  benefit: B;
  /** S, rounded to hundredths. */
  score: number;
  reasons: string[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Of two benefits of one type, the better: the larger discount, else the higher score, else the earlier in the catalogue. */
function better<B extends RankableBenefit>(a: RankedBenefit<B>, b: RankedBenefit<B>): RankedBenefit<B> {
  const byDiscount = (a.benefit.discountPercent ?? 0) - (b.benefit.discountPercent ?? 0);
  if (byDiscount !== 0) return byDiscount > 0 ? a : b;
  if (a.score !== b.score) return a.score > b.score ? a : b;
  return a.benefit.position <= b.benefit.position ? a : b;
}

/**
 * Scores and orders a member's benefits, highest first (catalogue order on a tie). CUSTOM benefits
 * are each their own thing and never de-duplicated; any other type keeps its better benefit. What
 * was left out of the score (the spend, when points could not give it) is said on every benefit.
 */
export function rankBenefits<B extends RankableBenefit>(
  benefits: readonly B[],
  features: Record<Feature, FeatureValue>,
  weights: Record<BenefitType, TypeWeights> = DEFAULT_WEIGHTS,
): Array<RankedBenefit<B>> {
  const leftOut = [...new Set(FEATURES.flatMap((feature) => features[feature].leftOut ?? []))];
  const scored = benefits.map((benefit): RankedBenefit<B> => {
    const w = weights[benefit.type];
    const reasons = [`base value of a ${benefit.type} benefit: ${w.base}`];
    let score = w.base;
    for (const feature of FEATURES) {
      const weight = w.features[feature];
      const { value, why } = features[feature];
      if (!weight || value === 0) continue;
      score += weight * value;
      reasons.push(`${feature} ${round2(value)} (${why}) × ${weight} = ${round2(weight * value)}`);
    }
    return { benefit, score: round2(score), reasons: [...reasons, ...leftOut] };
  });
  const kept = new Map<string, RankedBenefit<B>>();
  for (const item of scored) {
    const key = item.benefit.type === 'CUSTOM' ? `CUSTOM:${item.benefit.code}` : item.benefit.type;
    const held = kept.get(key);
    if (!held) {
      kept.set(key, item);
      continue;
    }
    const winner = better(held, item);
    const loser = winner === held ? item : held;
    kept.set(key, { ...winner, reasons: [...winner.reasons, `better than ${loser.benefit.code} of the same type, which is left out`] });
  }
  return [...kept.values()].sort((a, b) => b.score - a.score || a.benefit.position - b.benefit.position);
}
