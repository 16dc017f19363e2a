import { formatFen, milliToNumber } from '../../../../kit/src';
import type { MemberContext } from '../../context';
import type { TierRule } from '../../domain/tiers';

export const Tier = {
  __resolveReference: (ref: { id: string }, ctx: MemberContext) => ctx.loaders.tier.load(ref.id),
  multiplier: (tier: TierRule) => milliToNumber(tier.multiplierMilli),
  spendThreshold: (tier: TierRule) => formatFen(tier.spendThresholdFen),
};
