import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { groupByKeys } from '../../../kit/src';
import { findTierBenefits, type TierBenefitView } from '../db/tierBenefits';

/** Per-request loaders: members share tiers, so many members cost one look-up per distinct tier set. */
export function createLoaders(dataSource: DataSource) {
  return {
    benefitsOfTier: new DataLoader<string, TierBenefitView[]>(async (tierIds) =>
      groupByKeys(tierIds, await findTierBenefits(dataSource, tierIds), (b) => b.tierId),
    ),
  };
}

export type BenefitsLoaders = ReturnType<typeof createLoaders>;
