import type { DataSource } from 'typeorm';
import { lastDayBefore } from '../domain/account';
import type { CampaignPort, MemberPort } from '../ports';
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
  /** Check-in campaigns (bonus, task, streak) count the day; without it, only the points are paid. */
  campaign?: Pick<CampaignPort, 'recordAction'>,
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
  // Also on a repeat, so a day the campaign service missed is counted then; it counts a day once.
  // The check-in stands when the campaign service does not answer.
  await campaign?.recordAction({ memberId, action: 'CHECK_IN', ref: day, at: now ?? new Date() }).catch(() => undefined);
  return { day, points: entry.points, balance: entry.balanceAfter, alreadyCheckedIn: replayed };
}
