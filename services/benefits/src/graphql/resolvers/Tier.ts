import type { TierResolvers } from '../__generated__/resolvers-types';
import { tierInForce } from '../memberSignals';

export const Tier: TierResolvers = {
  __resolveReference: (ref) => ref,
  /** The gateway brings the tier's γ in force (the key, as the member service answered it): points acceleration shows it. */
  benefits: (tier, _, ctx) => ctx.loaders.benefitsOfTier.load(tierInForce(tier)),
};
