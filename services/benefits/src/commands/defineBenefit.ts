import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, isUniqueViolation } from '../../../kit/src';
import { Benefit } from '../db/entities/Benefit';
import { catalogueChanged } from '../db/tierBenefits';
import { parseBenefitType, parseLabel, parseMatrixCode } from '../domain/benefitMatrix';

/**
 * Adds a benefit to the catalogue, or renames one. A benefit keeps its type for life: its cells
 * were written for it (a discount's percentage means nothing to another type). Points acceleration
 * is the one type staff cannot add: it shows the tier's γ and is never a figure of its own.
 */
export async function defineBenefit(
  dataSource: DataSource,
  input: { code: string; name: string; type: string },
): Promise<{ benefit: Benefit; created: boolean }> {
  const code = parseMatrixCode(input.code, 'code');
  const name = parseLabel(input.name, 'name');
  const type = parseBenefitType(input.type);
  if (type === 'POINTS_ACCELERATION') {
    throw new DomainError('BAD_USER_INPUT', "points acceleration shows the tier's multiplier γ and cannot be added", { field: 'type' });
  }
  try {
    const defined = await inTransaction(dataSource, async (manager) => {
      const benefits = manager.getRepository(Benefit);
      const known = await benefits.findOneBy({ code });
      if (known) {
        if (known.type !== type)
          throw new DomainError('BAD_USER_INPUT', `${code} is a ${known.type} benefit; its type cannot change`, { field: 'type' });
        known.name = name;
        return { benefit: await benefits.save(known), created: false };
      }
      const last = await benefits.createQueryBuilder('b').select('MAX(b.position)', 'max').getRawOne<{ max: number | null }>();
      const benefit = benefits.create({ code, name, type, position: Number(last?.max ?? -1) + 1 });
      await benefits.insert(benefit);
      return { benefit, created: true };
    });
    catalogueChanged(dataSource);
    return defined;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', `${code} was added at the same time; read it again`, { field: 'code' });
    throw error;
  }
}
