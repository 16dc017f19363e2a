import { DomainError, parseCode } from '../../../kit/src';

/**
 * The benefit catalogue and the tier × benefit matrix as versioned data. Each cell is a chain of
 * revisions (level from `effectiveFrom` on); the matrix at a moment is, per cell, the latest
 * revision in effect then. Revisions are never changed, so every past matrix can be read again.
 */

/** The kinds of benefit (issue 16): checkout applies DISCOUNT, ranking de-duplicates by type. */
export const BENEFIT_TYPES = [
  'DISCOUNT',
  'BIRTHDAY',
  'PRIORITY_SERVICE',
  'EVENT',
  'POINTS_ACCELERATION',
  'COMMUNITY',
  'FREE_SHIPPING',
  'GIFT',
  'CUSTOM',
] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];

/** One revision of a cell as the matrix reads it. */
export interface CellRevision {
  tierId: string;
  benefitCode: string;
  revision: number;
  level: string | null;
  discountPercent: number | null;
  effectiveFrom: Date;
}

/** The cells in effect at `at`: per cell the revision that took effect last (the highest revision on a tie); removed cells are left out. */
export function cellsInEffect<C extends CellRevision>(revisions: readonly C[], at: Date): C[] {
  const latest = new Map<string, C>();
  for (const cell of revisions) {
    if (cell.effectiveFrom.getTime() > at.getTime()) continue;
    const key = `${cell.tierId}\u0000${cell.benefitCode}`;
    const held = latest.get(key);
    if (!held || isLater(cell, held)) latest.set(key, cell);
  }
  return [...latest.values()].filter((cell) => cell.level !== null);
}

function isLater(a: CellRevision, b: CellRevision): boolean {
  const diff = a.effectiveFrom.getTime() - b.effectiveFrom.getTime();
  return diff > 0 || (diff === 0 && a.revision > b.revision);
}

export function parseBenefitType(text: string, field = 'type'): BenefitType {
  if (!(BENEFIT_TYPES as readonly string[]).includes(text)) {
    throw new DomainError('BAD_USER_INPUT', `${field} must be one of ${BENEFIT_TYPES.join(', ')}`, { field });
  }
  return text as BenefitType;
}

/** A benefit or tier code: upper-case letters, digits and _, at most 32 (the width of the code columns). */
export function parseMatrixCode(text: string, field: string): string {
  const code = parseCode(text, field, { max: 32 });
  if (!/^[A-Z][A-Z0-9_]*$/.test(code))
    throw new DomainError('BAD_USER_INPUT', `${field} must be upper-case letters, digits and _`, { field });
  return code;
}

/** A display text (a benefit's name, a cell's level): 1–128 characters after trimming. */
export function parseLabel(text: string, field: string): string {
  const label = text.trim();
  if (label.length < 1 || label.length > 128) throw new DomainError('BAD_USER_INPUT', `${field} must be 1–128 characters`, { field });
  return label;
}

/** A change of one cell as staff ask for it: a level (and for a discount its percentage), or removal. */
export interface CellChange {
  level: string | null;
  discountPercent: number | null;
}

/**
 * The revision a staff edit writes, after the rules of the matrix:
 * - a DISCOUNT cell carries the whole percentage checkout applies (1–99), and only a DISCOUNT cell does;
 * - POINTS_ACCELERATION is not staff data: it shows the tier's γ (shared/DOMAIN.md §2), so it is never edited here;
 * - a revision takes effect now or later, never in the past (what members were shown stays true),
 *   and not before the cell's latest revision (a chain is in effective order).
 */
export function planCellRevision(
  benefitType: BenefitType,
  change: CellChange,
  effectiveFrom: Date,
  latest: Pick<CellRevision, 'revision' | 'effectiveFrom'> | null,
  now: Date,
): CellChange & { revision: number; effectiveFrom: Date } {
  if (benefitType === 'POINTS_ACCELERATION') {
    throw new DomainError('BAD_USER_INPUT', "points acceleration shows the tier's multiplier γ; change the tier, not the matrix", {
      field: 'benefitCode',
    });
  }
  const level = change.level === null ? null : parseLabel(change.level, 'level');
  let discountPercent: number | null = null;
  if (level !== null && benefitType === 'DISCOUNT') {
    const percent = change.discountPercent;
    if (percent === null || !Number.isInteger(percent) || percent < 1 || percent > 99) {
      throw new DomainError('BAD_USER_INPUT', 'a discount needs discountPercent, a whole number from 1 to 99', {
        field: 'discountPercent',
      });
    }
    discountPercent = percent;
  } else if (change.discountPercent !== null) {
    throw new DomainError('BAD_USER_INPUT', 'only a DISCOUNT benefit has a discountPercent', { field: 'discountPercent' });
  }
  if (effectiveFrom.getTime() < now.getTime() - CLOCK_SKEW_MS) {
    throw new DomainError('BAD_USER_INPUT', 'effectiveFrom must not be in the past', { field: 'effectiveFrom' });
  }
  if (latest && effectiveFrom.getTime() < latest.effectiveFrom.getTime()) {
    throw new DomainError('BAD_USER_INPUT', "effectiveFrom must not be before the cell's latest revision takes effect", {
      field: 'effectiveFrom',
    });
  }
  return { level, discountPercent, revision: (latest?.revision ?? 0) + 1, effectiveFrom };
}

/** A request's "now" may come from another clock than the server's: this much is not "the past". */
const CLOCK_SKEW_MS = 60_000;
