import { DomainError } from '../../../kit/src';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * A calendar month of the programme ("2026-11") and its bounds as instants: midnight of the 1st
 * in the programme's time zone, to midnight of the next month's 1st.
 */
export function monthWindow(text: string, utcOffsetMinutes: number, field = 'month'): { month: string; from: Date; to: Date } {
  const match = MONTH.exec(text.trim());
  if (!match) throw new DomainError('BAD_USER_INPUT', `${field} must be a month, YYYY-MM`, { field });
  const [year, month] = [Number(match[1]), Number(match[2])];
  const offsetMs = utcOffsetMinutes * 60_000;
  return {
    month: text.trim(),
    from: new Date(Date.UTC(year, month - 1, 1) - offsetMs),
    to: new Date(Date.UTC(year, month, 1) - offsetMs),
  };
}
