import { formatFen, milliToNumber } from '../../../../kit/src';
import type { TierResolvers } from '../__generated__/resolvers-types';

export const Tier: TierResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.tier.load(ref.id),
  multiplier: (tier) => milliToNumber(tier.multiplierMilli),
  spendThreshold: (tier) => formatFen(tier.spendThresholdFen),
  /** Every tier the graph shows is read from its versions; the seeded one is in force since the ladder began. */
  effectiveFrom: (tier) => (tier.effectiveFrom ?? LADDER_BEGAN).toISOString(),
};

const LADDER_BEGAN = new Date(0);
