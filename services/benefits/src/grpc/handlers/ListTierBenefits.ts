import type { DataSource } from 'typeorm';
import type { ListTierBenefitsRequest__Output } from '../../../../../proto/gen/membergraph/benefits/v1/ListTierBenefitsRequest';
import type { ListTierBenefitsResponse } from '../../../../../proto/gen/membergraph/benefits/v1/ListTierBenefitsResponse';
import { findTierBenefits } from '../../db/tierBenefits';

export async function listTierBenefits(
  dataSource: DataSource,
  request: ListTierBenefitsRequest__Output,
): Promise<ListTierBenefitsResponse> {
  const benefits = await findTierBenefits(dataSource, request.tierIds);
  return { benefits: benefits.map((b) => ({ tierId: b.tierId, benefitCode: b.code, name: b.name, level: b.level })) };
}
