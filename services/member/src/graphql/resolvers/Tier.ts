import { formatFen, milliToNumber } from '../../../../kit/src';
import type { MemberContext } from '../../context';
import type { TierDefinition } from '../../db/entities/TierDefinition';

export const Tier = {
  __resolveReference: (ref: { id: string }, ctx: MemberContext) => ctx.loaders.tier.load(ref.id),
  multiplier: (tier: TierDefinition) => milliToNumber(tier.multiplierMilli),
  spendThreshold: (tier: TierDefinition) => formatFen(tier.spendThresholdFen),
};
