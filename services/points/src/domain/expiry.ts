import type { ExpiryHold } from '../ports';

const DAY_MS = 86_400_000;

/** Members are told this many days before their points expire, and never get less notice (DOMAIN.md §3). */
export const EXPIRY_NOTICE_DAYS = 30;

/**
 * When a lot whose calendar expiry is `expiresAt` actually expires, by the member's tier at
 * expiry time (DOMAIN.md §3): never while they are on a tier whose points never expire (null);
 * after they leave it, by the calendar, but not before EXPIRY_NOTICE_DAYS after they left, so
 * points held through Diamond do not vanish the day of a downgrade. A member the member service
 * does not know (hold undefined) follows the calendar.
 */
export function effectiveExpiry(expiresAt: Date, hold: ExpiryHold | undefined): Date | null {
  if (hold?.pointsNeverExpire) return null;
  if (!hold?.neverExpireEndedAt) return expiresAt;
  const noticeEnds = hold.neverExpireEndedAt.getTime() + EXPIRY_NOTICE_DAYS * DAY_MS;
  return new Date(Math.max(expiresAt.getTime(), noticeEnds));
}

/**
 * The member's lots that expire by `until` (their effective expiry, as above), with it: what the
 * 30-day notice tells them and `expiringSoon` shows. None while their tier holds their points.
 */
export function expiringBy<L extends { remaining: number; expiresAt: Date | null }>(
  lots: readonly L[],
  hold: ExpiryHold | undefined,
  until: Date,
): Array<{ lot: L; expiresAt: Date }> {
  return lots.flatMap((lot) => {
    const expiresAt = lot.expiresAt && lot.remaining > 0 ? effectiveExpiry(lot.expiresAt, hold) : null;
    return expiresAt && expiresAt.getTime() <= until.getTime() ? [{ lot, expiresAt }] : [];
  });
}
