import { In, LessThanOrEqual, MoreThan, type DataSource } from 'typeorm';
import { enqueueOutboxEvent, inTransaction, isUniqueViolation, type Logger, type OutboxHandler } from '../../../kit/src';
import { ExpiryNotice } from '../db/entities/ExpiryNotice';
import { PointsLot } from '../db/entities/PointsLot';
import { lastDayBefore } from '../domain/account';
import { EXPIRY_NOTICE_DAYS, expiringBy } from '../domain/expiry';
import { holdsOf, type ExpiryDeps } from './expireLots';

export const POINTS_EXPIRING = 'POINTS_EXPIRING';

/** What a POINTS_EXPIRING event says: points of the member that can be used until the end of `lastDay`. */
export interface PointsExpiringPayload {
  memberId: string;
  /** YYYY-MM-DD, programme time zone. */
  lastDay: string;
  points: number;
}

const DAY_MS = 86_400_000;

/**
 * The 30-day expiry notice (DOMAIN.md §3): for every member with points expiring within
 * EXPIRY_NOTICE_DAYS by their tier now (none while Diamond; see domain/expiry.ts), one
 * POINTS_EXPIRING event per last day into the outbox, exactly once: the notice row's primary key
 * (member, day) is written in the same transaction, so a re-run, a second replica or a crash
 * half-way never sends one twice. Batched by member; resumable.
 */
export async function noticeExpiringPoints(
  dataSource: DataSource,
  deps: ExpiryDeps,
  now = new Date(),
  batchSize = 200,
): Promise<{ notices: number }> {
  const until = new Date(now.getTime() + EXPIRY_NOTICE_DAYS * DAY_MS);
  let notices = 0;
  let after = '';
  for (;;) {
    const members: Array<{ memberId: string }> = await dataSource
      .getRepository(PointsLot)
      .createQueryBuilder('l')
      .select('DISTINCT l.member_id', 'memberId')
      .where('l.remaining > 0 AND l.expires_at <= :until AND l.member_id > :after', { until, after })
      .orderBy('l.member_id')
      .limit(batchSize)
      .getRawMany();
    if (members.length === 0) return { notices };
    const ids = members.map((m) => m.memberId);
    after = ids[ids.length - 1];
    const lots = await dataSource.getRepository(PointsLot).find({
      where: { memberId: In(ids), remaining: MoreThan(0), expiresAt: LessThanOrEqual(until) },
    });
    const holds = await holdsOf(deps.member, ids);
    for (const memberId of ids) {
      const byDay = new Map<string, number>();
      const own = lots.filter((lot) => lot.memberId === memberId);
      // Lots already past their date are the expiry job's, not a notice's.
      for (const { lot, expiresAt } of expiringBy(own, holds.get(memberId), until)) {
        if (expiresAt.getTime() <= now.getTime()) continue;
        const day = lastDayBefore(expiresAt, deps.rules.utcOffsetMinutes);
        byDay.set(day, (byDay.get(day) ?? 0) + lot.remaining);
      }
      for (const [lastDay, points] of byDay) if (await notice(dataSource, { memberId, lastDay, points }, now)) notices += 1;
    }
  }
}

/** One notice and its event, in one transaction; false when this member and day were noticed before. */
async function notice(dataSource: DataSource, payload: PointsExpiringPayload, now: Date): Promise<boolean> {
  try {
    await inTransaction(dataSource, async (manager) => {
      await manager.insert(ExpiryNotice, {
        memberId: payload.memberId,
        expiresOn: payload.lastDay,
        points: payload.points,
        noticedAt: now,
      });
      // Its own key: a member's tier-activity events must never wait behind a notice, nor the reverse.
      await enqueueOutboxEvent(manager, { type: POINTS_EXPIRING, key: `expiring:${payload.memberId}`, payload, at: now });
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Where POINTS_EXPIRING events go. No member-facing channel (WeChat template message, SMS) is
 * wired to the points service yet, so delivery is a structured log line a log pipeline can route;
 * the event stays in the outbox table, delivered, as the record.
 */
export function pointsExpiringHandler(logger: Logger): OutboxHandler {
  return async (events) => {
    for (const event of events) logger.info({ event: event.type, ...(event.payload as PointsExpiringPayload) }, 'points expiring');
  };
}
