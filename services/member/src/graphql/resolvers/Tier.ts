import { formatFen, milliToNumber } from '../../../../kit/src';
import type { TierResolvers } from '../__generated__/resolvers-types';

export const Tier: TierResolvers = {
  // A copy: the shared ladder's tiers are frozen, and @apollo/subgraph defines __typename on what
  // a reference resolves to (on the frozen object itself that throws, and the entity came back null).
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
