import { DomainError } from './errors';

const CNY = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

/**
 * "199.90" → 19990 fen. Money travels as a decimal string and is held as integer fen: a float
 * would lose cents. Anything else (negative, over-precise, not a number) is BAD_USER_INPUT.
 */
export function parseCnyToFen(text: string, field = 'amount'): number {
  const trimmed = text.trim();
  if (!CNY.test(trimmed)) {
    throw new DomainError('BAD_USER_INPUT', `${field} must be a CNY amount with at most two decimals, e.g. "199.90"`, { field });
  }
  const [whole, fraction = ''] = trimmed.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** 19990 fen → "199.90". */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Thousandths, the unit of multipliers and coefficients (1.2 → 1200): as a GraphQL Float. */
export function milliToNumber(milli: number): number {
  return milli / 1000;
}
