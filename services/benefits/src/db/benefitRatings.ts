import { In, type DataSource } from 'typeorm';
import type { RatingTally } from '../domain/ratings';
import { BenefitRating } from './entities/BenefitRating';

/** Every rated benefit's count and sum of scores: one grouped statement (an index on benefit_code). */
export async function tallyRatings(dataSource: DataSource): Promise<RatingTally[]> {
  const rows = await dataSource
    .getRepository(BenefitRating)
    .createQueryBuilder('r')
    .select('r.benefit_code', 'benefitCode')
    .addSelect('COUNT(*)', 'ratings')
    .addSelect('SUM(r.score)', 'sum')
    .groupBy('r.benefit_code')
    .orderBy('r.benefit_code')
    .getRawMany<{ benefitCode: string; ratings: string | number; sum: string | number }>();
  return rows.map((r) => ({ benefitCode: r.benefitCode, ratings: Number(r.ratings), sum: Number(r.sum) }));
}

/** The ratings the given members gave, for a per-request loader. */
export function findMemberRatings(dataSource: DataSource, memberIds: readonly string[]): Promise<BenefitRating[]> {
  return dataSource.getRepository(BenefitRating).findBy({ memberId: In([...memberIds]) });
}
