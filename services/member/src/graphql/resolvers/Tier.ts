import { formatFen, milliToNumber } from '../../../../kit/src';
import type { TierResolvers } from '../__generated__/resolvers-types';

export const Tier: TierResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.tier.load(ref.id),
  multiplier: (tier) => milliToNumber(tier.multiplierMilli),
  spendThreshold: (tier) => formatFen(tier.spendThresholdFen),
};
