import type { TierBenefitView } from '../../db/tierBenefits';

export const Benefit = {
  id: (benefit: TierBenefitView) => `${benefit.tierId}:${benefit.code}`,
};
