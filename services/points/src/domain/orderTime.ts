import { DomainError, parseInstant } from '../../../kit/src';

const DAY_MS = 86_400_000;

/** A till's clock may run this far ahead of ours; an order placed later than that is refused. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Even an ADMIN cannot record an order older than a year: it would fall outside every rolling-12-month figure. */
export const MAX_ADMIN_LATENESS_DAYS = 365;

export interface OrderTime {
  orderedAt: Date;
  /** Recorded later than the programme allows (ORDER_MAX_LATENESS_DAYS), admitted by an ADMIN. */
  late: boolean;
}

/**
 * When an order was placed: `orderedAt` as sent (an ISO-8601 instant), or now. Never in the future
 * beyond the clock skew; at most `maxLatenessDays` in the past, or with an ADMIN up to a year, and
 * then flagged as late (DOMAIN.md §3: late uploads are bounded).
 */
export function parseOrderTime(text: string | null | undefined, now: Date, maxLatenessDays: number, callerIsAdmin: boolean): OrderTime {
  if (text == null) return { orderedAt: now, late: false };
  const orderedAt = parseInstant(text, 'orderedAt');
  if (orderedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw new DomainError('BAD_USER_INPUT', 'orderedAt is in the future', { field: 'orderedAt' });
  const lateness = now.getTime() - orderedAt.getTime();
  if (lateness <= maxLatenessDays * DAY_MS) return { orderedAt, late: false };
  if (lateness > MAX_ADMIN_LATENESS_DAYS * DAY_MS)
    throw new DomainError('BAD_USER_INPUT', `orderedAt is more than ${MAX_ADMIN_LATENESS_DAYS} days ago`, { field: 'orderedAt' });
  if (!callerIsAdmin)
    throw new DomainError('FORBIDDEN', `an order placed more than ${maxLatenessDays} days ago needs an ADMIN`, { field: 'orderedAt' });
  return { orderedAt, late: true };
}
