import type { BenefitCell } from '../../db/entities/BenefitCell';
import type { TierBenefitView } from '../../db/tierBenefits';

export const Benefit = {
  id: (benefit: TierBenefitView) => `${benefit.tierId}:${benefit.code}`,
  effectiveFrom: (benefit: TierBenefitView) => benefit.effectiveFrom.toISOString(),
};

export const TierBenefitRevision = {
  effectiveFrom: (cell: BenefitCell) => cell.effectiveFrom.toISOString(),
  recordedAt: (cell: BenefitCell) => cell.recordedAt.toISOString(),
};
