import { DomainError } from '../../../kit/src';

/** A rung of the tier ladder. Thresholds and multipliers are integers (fen, thousandths). */
export interface TierRule {
  id: string;
  name: string;
  rank: number;
  spendThresholdFen: number;
  purchaseThreshold: number;
  /** AND: both thresholds must be met; OR: either. */
  rule: 'AND' | 'OR';
  multiplierMilli: number;
  pointsNeverExpire: boolean;
  /** Since when this version of the tier is in force (a tier read from its versions); absent in the seed. */
  effectiveFrom?: Date;
}

/** The seeded default programme, shared/DOMAIN.md §2. Brands edit these rows; code never hard-codes them. */
export const DEFAULT_TIERS: readonly TierRule[] = [
  {
    id: 'REGULAR',
    name: 'Regular 普通會員',
    rank: 0,
    spendThresholdFen: 0,
    purchaseThreshold: 1,
    rule: 'AND',
    multiplierMilli: 1000,
    pointsNeverExpire: false,
  },
  {
    id: 'SILVER',
    name: 'Silver 銀卡會員',
    rank: 1,
    spendThresholdFen: 300_000,
    purchaseThreshold: 5,
    rule: 'AND',
    multiplierMilli: 1200,
    pointsNeverExpire: false,
  },
  {
    id: 'GOLD',
    name: 'Gold 金卡會員',
    rank: 2,
    spendThresholdFen: 1_000_000,
    purchaseThreshold: 15,
    rule: 'AND',
    multiplierMilli: 1500,
    pointsNeverExpire: false,
  },
  {
    id: 'DIAMOND',
    name: 'Diamond 鉆石會員',
    rank: 3,
    spendThresholdFen: 3_000_000,
    purchaseThreshold: 30,
    rule: 'AND',
    multiplierMilli: 2000,
    pointsNeverExpire: true,
  },
];

/** New members start on the lowest rung. */
export function entryTier(tiers: readonly TierRule[]): TierRule {
  return [...tiers].sort((a, b) => a.rank - b.rank)[0];
}

/** The tier a caller named, or NOT_FOUND on `field` when the ladder has no such tier. */
export function namedTier(ladder: readonly TierRule[], tierId: string, field: string): TierRule {
  const tier = ladder.find((t) => t.id === tierId);
  if (!tier) throw new DomainError('NOT_FOUND', `no tier ${tierId}`, { field });
  return tier;
}
