import type { DataSource } from 'typeorm';
import { lastDayBefore } from '../domain/account';
import type { MemberPort } from '../ports';
import type { EarnRules } from './recordOrder';
import { moveMemberPoints } from './moveMemberPoints';

export interface CheckInResult {
  /** The programme day checked in for, YYYY-MM-DD. */
  day: string;
  points: number;
  balance: number;
  alreadyCheckedIn: boolean;
}

/** The daily check-in bonus: once per member and day of the programme's time zone (the day is part of the key). */
export async function checkIn(
  dataSource: DataSource,
  member: Pick<MemberPort, 'getMemberTier'>,
  rules: EarnRules & { checkInPoints: number },
  memberId: string,
  actor: string,
  now?: Date,
): Promise<CheckInResult> {
  const day = lastDayBefore(new Date((now ?? new Date()).getTime() + 1), rules.utcOffsetMinutes);
  const { entry, replayed } = await moveMemberPoints(
    dataSource,
    member,
    rules,
    {
      memberId,
      points: rules.checkInPoints,
      entryType: 'EARN',
      source: 'CHECK_IN',
      sourceRef: day,
      reason: `daily check-in ${day}`,
      idempotencyKey: `CHECKIN:${memberId}:${day}`,
      actor,
    },
    now,
  );
  return { day, points: entry.points, balance: entry.balanceAfter, alreadyCheckedIn: replayed };
}
