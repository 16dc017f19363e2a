import { In, type DataSource } from 'typeorm';
import { Benefit } from './entities/Benefit';
import { TierBenefit } from './entities/TierBenefit';

export interface TierBenefitView {
  tierId: string;
  code: string;
  name: string;
  level: string;
}

/** The matrix cells of the given tiers with their benefit names: two statements for any number of tiers. */
export async function findTierBenefits(dataSource: DataSource, tierIds: readonly string[]): Promise<TierBenefitView[]> {
  if (tierIds.length === 0) return [];
  const cells = await dataSource.getRepository(TierBenefit).find({ where: { tierId: In([...tierIds]) }, order: { position: 'ASC' } });
  const codes = [...new Set(cells.map((c) => c.benefitCode))];
  const names = new Map((codes.length ? await dataSource.getRepository(Benefit).findBy({ code: In(codes) }) : []).map((b) => [b.code, b.name]));
  return cells.map((c) => ({ tierId: c.tierId, code: c.benefitCode, name: names.get(c.benefitCode) ?? c.benefitCode, level: c.level }));
}
