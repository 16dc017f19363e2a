import type { DataSource } from 'typeorm';
import { Benefit } from './entities/Benefit';
import { TierBenefit } from './entities/TierBenefit';

export interface TierBenefitView {
  tierId: string;
  code: string;
  name: string;
  level: string;
}

/** The matrix cells of the given tiers with their benefit names: one statement for any number of tiers. */
export async function findTierBenefits(dataSource: DataSource, tierIds: readonly string[]): Promise<TierBenefitView[]> {
  if (tierIds.length === 0) return [];
  return dataSource
    .getRepository(TierBenefit)
    .createQueryBuilder('cell')
    .innerJoin(Benefit, 'benefit', 'benefit.code = cell.benefit_code')
    .select('cell.tier_id', 'tierId')
    .addSelect('cell.benefit_code', 'code')
    .addSelect('benefit.name', 'name')
    .addSelect('cell.level', 'level')
    .where('cell.tier_id IN (:...tierIds)', { tierIds: [...tierIds] })
    .orderBy('cell.tier_id')
    .addOrderBy('cell.position')
    .getRawMany<TierBenefitView>();
}
