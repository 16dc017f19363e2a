import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError, inTransaction, isUniqueViolation, parseInstant, parseReason } from '../../../kit/src';
import { Benefit } from '../db/entities/Benefit';
import { BenefitCell } from '../db/entities/BenefitCell';
import { catalogueChanged } from '../db/tierBenefits';
import { parseMatrixCode, planCellRevision, type BenefitType } from '../domain/benefitMatrix';

export interface TierBenefitEdit {
  tierId: string;
  benefitCode: string;
  /** What the tier gets from effectiveFrom on; null (or absent) removes the benefit from the tier. */
  level?: string | null;
  discountPercent?: number | null;
  /** ISO-8601 with zone; now when absent. */
  effectiveFrom?: string | null;
  reason: string;
}

/**
 * Writes the next revision of one matrix cell (staff edit): nothing is overwritten, so the matrix
 * as members saw it on any day stays readable. Two simultaneous edits of one cell are decided by
 * the unique (tier, benefit, revision): one lands, the other is CONFLICT and writes nothing.
 */
export async function setTierBenefit(dataSource: DataSource, edit: TierBenefitEdit, actor: string, now = new Date()): Promise<BenefitCell> {
  const tierId = parseMatrixCode(edit.tierId, 'tierId');
  const benefitCode = parseMatrixCode(edit.benefitCode, 'benefitCode');
  const reason = parseReason(edit.reason);
  const level = edit.level ?? null;
  const effectiveFrom = edit.effectiveFrom ? parseInstant(edit.effectiveFrom, 'effectiveFrom') : now;
  const benefit = await dataSource.getRepository(Benefit).findOneBy({ code: benefitCode });
  if (!benefit) throw new DomainError('NOT_FOUND', `no benefit ${benefitCode} in the catalogue`, { field: 'benefitCode' });
  try {
    const written = await inTransaction(dataSource, async (manager) => {
      const cells = manager.getRepository(BenefitCell);
      const latest = await cells.findOne({ where: { tierId, benefitCode }, order: { revision: 'DESC' } });
      // Planned first: points acceleration is refused whatever the edit (it is γ, never a figure here).
      const plan = planCellRevision(
        benefit.type as BenefitType,
        { level, discountPercent: edit.discountPercent ?? null },
        effectiveFrom,
        latest,
        now,
      );
      if (level === null && !latest?.level) {
        throw new DomainError('BAD_USER_INPUT', `${tierId} does not have ${benefitCode}: nothing to remove`, { field: 'level' });
      }
      const cell = cells.create({ id: randomUUID(), tierId, benefitCode, ...plan, actor, reason, recordedAt: now });
      await cells.insert(cell);
      return cell;
    });
    catalogueChanged(dataSource);
    return written;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('CONFLICT', `${tierId} × ${benefitCode} was changed at the same time; read it again`, { field: 'benefitCode' });
    }
    throw error;
  }
}
