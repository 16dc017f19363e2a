import type { BenefitResolvers } from '../__generated__/resolvers-types';

export const Benefit: BenefitResolvers = {
  id: (benefit) => `${benefit.tierId}:${benefit.code}`,
};
