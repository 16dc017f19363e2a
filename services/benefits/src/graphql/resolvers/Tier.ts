import type { TierResolvers } from '../__generated__/resolvers-types';

export const Tier: TierResolvers = {
  __resolveReference: (ref) => ref,
  benefits: (tier, _, ctx) => ctx.loaders.benefitsOfTier.load(tier.id),
};
