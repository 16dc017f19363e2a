import type { DataSource } from 'typeorm';
import type { ListTierBenefitsRequest__Output } from '../../../../../proto/gen/membergraph/benefits/v1/ListTierBenefitsRequest';
import type { ListTierBenefitsResponse } from '../../../../../proto/gen/membergraph/benefits/v1/ListTierBenefitsResponse';
import { findDerivedBenefits, findTierBenefits } from '../../db/tierBenefits';

/**
 * The stored cells of the tiers asked for, and for each tier its derived cells (points acceleration)
 * marked derived_from_multiplier without a level: γ is the member service's, not a figure here.
 */
export async function listTierBenefits(
  dataSource: DataSource,
  request: ListTierBenefitsRequest__Output,
): Promise<ListTierBenefitsResponse> {
  const [stored, derived] = await Promise.all([findTierBenefits(dataSource, request.tierIds), findDerivedBenefits(dataSource)]);
  const tierIds = [...new Set(request.tierIds)];
  return {
    benefits: [
      ...stored.map((b) => ({ tierId: b.tierId, benefitCode: b.code, name: b.name, level: b.level, derivedFromMultiplier: false })),
      ...tierIds.flatMap((tierId) =>
        derived.map((b) => ({ tierId, benefitCode: b.code, name: b.name, level: '', derivedFromMultiplier: true })),
      ),
    ],
  };
}
