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

/**
 * "1.2" → 1200: a decimal with at most three places as integer thousandths, the unit of
 * multipliers, rates and coefficients; the one conversion every service uses. Outside [min, max]
 * (in thousandths) is BAD_USER_INPUT on `field`, with `message` when the caller words it itself.
 */
export function parseDecimalToMilli(text: string, field: string, range: { min: number; max: number }, message?: string): number {
  const match = /^(\d{1,6})(\.\d{1,3})?$/.exec(text.trim());
  const milli = match ? Number(match[1]) * 1000 + Number((match[2] ?? '.').slice(1).padEnd(3, '0')) : NaN;
  if (!match || milli < range.min || milli > range.max) {
    throw new DomainError(
      'BAD_USER_INPUT',
      message ?? `${field} must be a decimal between ${range.min / 1000} and ${range.max / 1000} with at most three decimals`,
      { field },
    );
  }
  return milli;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO-8601 timestamp with its zone (Z or ±hh:mm): without one it would mean the server's local
 * time. Impossible dates (30 February) are refused rather than rolled over. BAD_USER_INPUT otherwise.
 */
export function parseInstant(text: string, field: string): Date {
  const match = INSTANT.exec(text.trim());
  const date = match ? new Date(text.trim()) : null;
  const [year, month, day, hour, minute, second = '00'] = match ? match.slice(1, 7) : [];
  const calendarDay = match ? new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))) : null;
  if (
    !match ||
    !date ||
    Number.isNaN(date.getTime()) ||
    calendarDay!.getUTCMonth() !== Number(month) - 1 ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59
  ) {
    throw new DomainError('BAD_USER_INPUT', `${field} must be an ISO-8601 timestamp with its zone, e.g. 2026-12-01T00:00:00Z`, { field });
  }
  return date;
}
