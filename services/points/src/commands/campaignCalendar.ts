import type { DataSource } from 'typeorm';
import { invalidateShared, sharedValue, SHARED_VALUE_TTL_MS } from '../../../kit/src';
import { calendarCoefficient, type CalendarOrder } from '../domain/earnCalendar';
import type { CampaignPort } from '../ports';

const CALENDAR = 'points.campaignCalendar';

/** Until when (epoch ms) a process whose calendar read failed or was late asks the campaign service directly, without trying again. */
const unavailableUntil = new WeakMap<DataSource, number>();

/**
 * The campaign calendar as the campaign service lists it, held by this process for `ttlMs`
 * (CAMPAIGN_CALENDAR_TTL_MS, as the tier ladder): the campaign service's event clears it in the
 * process that receives it (campaignCalendarChanged), so another replica shows a change within that time.
 */
export function campaignCalendar(dataSource: DataSource, campaign: Pick<CampaignPort, 'listEarnCampaigns'>, ttlMs?: number) {
  return calendarValue(dataSource, campaign, ttlMs).get();
}

/** The process's SharedValue behind campaignCalendar (held() tells whether a read would be waited for). */
function calendarValue(dataSource: DataSource, campaign: Pick<CampaignPort, 'listEarnCampaigns'>, ttlMs = SHARED_VALUE_TTL_MS) {
  return sharedValue(
    dataSource,
    CALENDAR,
    async () => {
      const calendar = await campaign.listEarnCampaigns();
      // Read, however late: the campaign service answers again.
      unavailableUntil.delete(dataSource);
      return calendar;
    },
    ttlMs,
  );
}

/**
 * How long an earn waits for the calendar before it asks the campaign service directly. A read
 * answers in a few milliseconds; without this bound, earns arriving while campaign hangs would
 * wait for the read's deadline and then for GetActivityCoefficient's: twice, where they waited once
 * before the calendar existed.
 */
export const CALENDAR_WAIT_MS = 250;

/** Staff changed campaigns or their combination (the campaign service's event): the next earn reads the calendar again. */
export function campaignCalendarChanged(dataSource: DataSource): void {
  invalidateShared(dataSource, CALENDAR);
  // The event came from the campaign service: it is up.
  unavailableUntil.delete(dataSource);
}

/**
 * The order's coefficient computed here from the calendar (domain/earnCalendar.ts), or null when
 * the campaign service must answer it: the calendar says so, or it could not be read within
 * CALENDAR_WAIT_MS (the campaign service is down or slow: the earn then asks it as it always did,
 * and the read, if it still answers, fills the calendar for later earns). After a failed or late
 * read the process does not wait for the calendar again for `ttlMs` (or until campaign's event or
 * a read answers), so while campaign is down or hung an earn waits on at most CALENDAR_WAIT_MS
 * more than before the calendar existed, and most earns on one call to it, as before.
 */
export async function localCoefficient(
  dataSource: DataSource,
  campaign: Pick<CampaignPort, 'listEarnCampaigns'>,
  order: CalendarOrder,
  ttlMs?: number,
): Promise<number | null> {
  if ((unavailableUntil.get(dataSource) ?? 0) > Date.now()) return null;
  const calendarHere = calendarValue(dataSource, campaign, ttlMs);
  // Most earns: the calendar is held and fresh, so there is nothing to wait for: no timer, no race.
  const held = calendarHere.held();
  if (held) return calendarCoefficient(held.value, order);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), CALENDAR_WAIT_MS);
  });
  const read = calendarHere.get().catch(() => undefined);
  const calendar = await Promise.race([read, late]).finally(() => clearTimeout(timer));
  if (!calendar) {
    unavailableUntil.set(dataSource, Date.now() + (ttlMs ?? SHARED_VALUE_TTL_MS));
    return null;
  }
  return calendarCoefficient(calendar, order);
}
