import { DomainError } from '../../../kit/src';
import { parseMatrixCode } from './benefitMatrix';

/**
 * Occasions that give a member a coupon without anyone asking (shared/DOMAIN.md §2, §4): a
 * birthday, whose gift depends on the member's tier (BIRTHDAY:<tier id>), and the milestones the
 * member service's tier engine records: the first upgrade to the top tier and the 12th purchase in
 * a year. Each is given once, by a key of its own: a birthday once per member per programme year,
 * a milestone once per milestone the tier engine recorded.
 */

export const OCCASION_KINDS = ['BIRTHDAY', 'FIRST_TOP_TIER', 'TWELFTH_PURCHASE'] as const;
export type OccasionKind = (typeof OCCASION_KINDS)[number];
export type MilestoneKind = Exclude<OccasionKind, 'BIRTHDAY'>;

/** The occasion's id: BIRTHDAY:<tier id> (a tier is named for a birthday, and only for it), or the milestone. */
export function occasionOf(kind: string, tierId?: string | null): string {
  if (!(OCCASION_KINDS as readonly string[]).includes(kind)) {
    throw new DomainError('BAD_USER_INPUT', `occasion must be one of ${OCCASION_KINDS.join(', ')}`, { field: 'occasion' });
  }
  if (kind === 'BIRTHDAY') {
    if (!tierId) throw new DomainError('BAD_USER_INPUT', 'a birthday reward is set per tier: name the tierId', { field: 'tierId' });
    return `BIRTHDAY:${parseMatrixCode(tierId, 'tierId')}`;
  }
  if (tierId) throw new DomainError('BAD_USER_INPUT', `${kind} is the same for every tier: leave tierId out`, { field: 'tierId' });
  return kind;
}

/** The kind and tier of an occasion id. */
export function kindOf(occasion: string): { kind: OccasionKind; tierId: string | null } {
  const [kind, tierId] = occasion.split(':');
  return { kind: kind as OccasionKind, tierId: tierId ?? null };
}

/** Once per member per programme year, whatever day (or birthday) the job finds them on. */
export const birthdayGrantKey = (year: number, memberId: string) => `BIRTHDAY:${year}:${memberId}`;
/** Once per milestone the tier engine recorded. */
export const milestoneGrantKey = (milestoneId: string) => `MILESTONE:${milestoneId}`;

export interface ProgrammeDay {
  /** YYYY-MM-DD in the programme's time zone: the run key of that day's birthday job. */
  date: string;
  year: number;
  /** The birthdays to celebrate: the day's own, and on 28 February of a common year also 29 February's. */
  monthDays: string[];
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The programme's calendar day at `now` (its zone a fixed UTC offset, as the points jobs use). */
export function programmeDay(now: Date, utcOffsetMinutes: number): ProgrammeDay {
  const local = new Date(now.getTime() + utcOffsetMinutes * 60_000);
  const date = local.toISOString().slice(0, 10);
  const year = local.getUTCFullYear();
  const monthDay = date.slice(5);
  return { date, year, monthDays: monthDay === '02-28' && !isLeap(year) ? ['02-28', '02-29'] : [monthDay] };
}
