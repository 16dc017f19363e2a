import type { BenefitsContext } from '../../context';

export const Tier = {
  __resolveReference: (ref: { id: string }) => ref,
  benefits: (tier: { id: string }, _: unknown, ctx: BenefitsContext) => ctx.loaders.benefitsOfTier.load(tier.id),
};
