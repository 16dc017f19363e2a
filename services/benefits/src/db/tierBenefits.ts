import { In, LessThanOrEqual, type DataSource } from 'typeorm';
import { cellsInEffect, type BenefitType } from '../domain/benefitMatrix';
import { BenefitCell } from './entities/BenefitCell';

export interface TierBenefitView {
  tierId: string;
  code: string;
  name: string;
  type: BenefitType;
  level: string;
  /** DISCOUNT only: the percentage checkout takes off. */
  discountPercent: number | null;
  /** The cell's revision in effect, and since when. */
  revision: number;
  effectiveFrom: Date;
  /** The benefit's place in the catalogue's display order. */
  position: number;
}

/**
 * The matrix cells of the given tiers in effect at `at`, with their benefits, in each tier's
 * display order: one statement for any number of tiers (the matrix is small; its chains are
 * resolved here rather than in dialect-specific SQL).
 */
export async function findTierBenefits(dataSource: DataSource, tierIds: readonly string[], at = new Date()): Promise<TierBenefitView[]> {
  if (tierIds.length === 0) return [];
  const revisions = await dataSource.getRepository(BenefitCell).find({
    where: { tierId: In([...new Set(tierIds)]), effectiveFrom: LessThanOrEqual(at) },
    relations: { benefit: true },
  });
  return cellsInEffect(revisions, at)
    .map((cell) => ({
      tierId: cell.tierId,
      code: cell.benefitCode,
      name: cell.benefit!.name,
      type: cell.benefit!.type as BenefitType,
      level: cell.level!,
      discountPercent: cell.discountPercent,
      revision: cell.revision,
      effectiveFrom: cell.effectiveFrom,
      position: cell.benefit!.position,
    }))
    .sort((a, b) => (a.tierId < b.tierId ? -1 : a.tierId > b.tierId ? 1 : a.position - b.position || (a.code < b.code ? -1 : 1)));
}
