import { formatFen, milliToNumber } from '../../../../kit/src';
import type { TierResolvers } from '../__generated__/resolvers-types';

export const Tier: TierResolvers = {
  // A copy: the ladder's tiers are the process's shared, frozen objects, and @apollo/subgraph marks
  // each entity it resolves with its __typename (defineProperty, which a frozen object refuses).
  __resolveReference: async (ref, ctx) => {
    const tier = await ctx.loaders.tier.load(ref.id);
    return tier && { ...tier };
  },
  multiplier: (tier) => milliToNumber(tier.multiplierMilli),
  spendThreshold: (tier) => formatFen(tier.spendThresholdFen),
  /** Every tier the graph shows is read from its versions; the seeded one is in force since the ladder began. */
  effectiveFrom: (tier) => (tier.effectiveFrom ?? LADDER_BEGAN).toISOString(),
};

const LADDER_BEGAN = new Date(0);
