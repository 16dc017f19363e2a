import type { DataSource } from 'typeorm';
import { runEvery, runUnderLease, type Logger } from '../../../kit/src';
import { issueBirthdayBenefits } from '../commands/issueBirthdayBenefits';
import { programmeDay } from '../domain/occasions';
import type { MemberPort } from '../ports';

/** A lease outlives a stalled holder by this much at most; the holder renews it every third of it. */
const LEASE_MS = 5 * 60_000;

/**
 * The birthday rewards of the programme day of `now`, once for the whole deployment (the lease's
 * run key is the day); a run that crashed is resumed by the next attempt, which the grant keys make
 * harmless. Null: done today or running elsewhere.
 */
export function leasedBirthdays(dataSource: DataSource, member: MemberPort, utcOffsetMinutes: number, now = new Date()) {
  const { date } = programmeDay(now, utcOffsetMinutes);
  return runUnderLease(dataSource, { job: 'birthday-benefits', runKey: date, leaseMs: LEASE_MS }, () =>
    issueBirthdayBenefits(dataSource, member, { now, utcOffsetMinutes }),
  );
}

/** Checks every `checkMs` whether today's birthdays have been rewarded; one replica runs them, the others skip. */
export function scheduleBirthdays(
  dataSource: DataSource,
  member: MemberPort,
  schedule: { checkMs: number; utcOffsetMinutes: number },
  logger: Logger,
): { stop(): Promise<void> } {
  return runEvery(
    schedule.checkMs,
    async () => {
      const result = await leasedBirthdays(dataSource, member, schedule.utcOffsetMinutes);
      if (result) logger.info(result, 'birthday rewards given');
    },
    (error) => logger.error({ err: error }, 'birthday rewards run failed; the next check resumes it'),
  );
}
