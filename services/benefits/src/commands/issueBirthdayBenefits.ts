import type { DataSource } from 'typeorm';
import { birthdayGrantKey, programmeDay } from '../domain/occasions';
import type { MemberPort } from '../ports';
import { grantOccasion } from './grantOccasion';

export interface BirthdayRun {
  /** The programme day, YYYY-MM-DD. */
  date: string;
  members: number;
  issued: number;
  noReward: number;
  refused: number;
  /** Already given this year (a second run, another replica, a birthday moved within the year). */
  replayed: number;
}

/**
 * The birthday job for the programme day of `now`: every member born that day (and on 28 February
 * of a common year those born on the 29th), a page at a time from the member service, gets their
 * tier's birthday reward, once per member per programme year (the grant key). Running it twice, or
 * on two replicas at once, gives nobody a second gift.
 */
export async function issueBirthdayBenefits(
  dataSource: DataSource,
  member: MemberPort,
  options: { now?: Date; utcOffsetMinutes: number; pageSize?: number },
): Promise<BirthdayRun> {
  const now = options.now ?? new Date();
  const day = programmeDay(now, options.utcOffsetMinutes);
  const run: BirthdayRun = { date: day.date, members: 0, issued: 0, noReward: 0, refused: 0, replayed: 0 };
  let after = '';
  do {
    const page = await member.listBirthdays(day.monthDays, after, options.pageSize ?? 500);
    for (const born of page.members) {
      run.members += 1;
      const { grant, replayed } = await grantOccasion(
        dataSource,
        member,
        {
          grantKey: birthdayGrantKey(day.year, born.memberId),
          memberId: born.memberId,
          occasion: `BIRTHDAY:${born.tierId}`,
          source: 'BIRTHDAY',
        },
        now,
      );
      if (replayed) run.replayed += 1;
      else if (grant.outcome === 'ISSUED') run.issued += 1;
      else if (grant.outcome === 'REFUSED') run.refused += 1;
      else run.noReward += 1;
    }
    after = page.nextAfterMemberId ?? '';
  } while (after);
  return run;
}
