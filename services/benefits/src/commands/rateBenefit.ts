import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, isUniqueViolation, parseMemberId } from '../../../kit/src';
import { Benefit } from '../db/entities/Benefit';
import { BenefitRating } from '../db/entities/BenefitRating';
import { parseMatrixCode } from '../domain/benefitMatrix';
import { parseRating } from '../domain/ratings';

export interface RateBenefitInput {
  memberId: string;
  benefitCode: string;
  score: number;
}

/**
 * A member rates a benefit of the catalogue 1–10. The (member, benefit) key holds one rating: the
 * first insert creates it, every later rating (or a simultaneous first one that lost the insert)
 * overwrites the score, so a member's many ratings count once in the average.
 */
export async function rateBenefit(
  dataSource: DataSource,
  input: RateBenefitInput,
  now = new Date(),
): Promise<{ rating: BenefitRating; created: boolean }> {
  const memberId = parseMemberId(input.memberId);
  const benefitCode = parseMatrixCode(input.benefitCode, 'benefitCode');
  const score = parseRating(input.score);
  if (!(await dataSource.getRepository(Benefit).existsBy({ code: benefitCode }))) {
    throw new DomainError('NOT_FOUND', `no benefit ${benefitCode}`, { field: 'benefitCode' });
  }
  const update = () =>
    inTransaction(dataSource, async (manager) => {
      const changed = await manager
        .createQueryBuilder()
        .update(BenefitRating)
        .set({ score, ratedAt: now, times: () => 'times + 1' })
        .where('member_id = :memberId AND benefit_code = :benefitCode', { memberId, benefitCode })
        .execute();
      return changed.affected === 1 ? manager.getRepository(BenefitRating).findOneByOrFail({ memberId, benefitCode }) : null;
    });
  const updated = await update();
  if (updated) return { rating: updated, created: false };
  const rating = dataSource.getRepository(BenefitRating).create({ memberId, benefitCode, score, ratedAt: now, times: 1 });
  try {
    await dataSource.getRepository(BenefitRating).insert(rating);
    return { rating, created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same member's first rating, sent twice at once: this one is the later rating.
    return { rating: (await update())!, created: false };
  }
}
