import type { DataSource } from 'typeorm';
import { invalidateShared, sharedValue, SHARED_VALUE_TTL_MS } from '../../../kit/src';
import { calendarCoefficient, type CalendarOrder } from '../domain/earnCalendar';
import type { CampaignPort } from '../ports';

const CALENDAR = 'points.campaignCalendar';

/**
 * The campaign calendar as the campaign service lists it, held by this process for `ttlMs`
 * (CAMPAIGN_CALENDAR_TTL_MS, as the tier ladder): the campaign service's event clears it in the
 * process that receives it (campaignCalendarChanged), so another replica shows a change within that time.
 */
export function campaignCalendar(dataSource: DataSource, campaign: Pick<CampaignPort, 'listEarnCampaigns'>, ttlMs = SHARED_VALUE_TTL_MS) {
  return sharedValue(dataSource, CALENDAR, () => campaign.listEarnCampaigns(), ttlMs).get();
}

/** Until when (epoch ms) a process whose calendar read failed asks the campaign service directly, without trying again. */
const unavailableUntil = new WeakMap<DataSource, number>();

/** Staff changed campaigns or their combination (the campaign service's event): the next earn reads the calendar again. */
export function campaignCalendarChanged(dataSource: DataSource): void {
  invalidateShared(dataSource, CALENDAR);
  // The event came from the campaign service: it is up.
  unavailableUntil.delete(dataSource);
}

/**
 * The order's coefficient computed here from the calendar (domain/earnCalendar.ts), or null when
 * the campaign service must answer it: the calendar says so, or it could not be read (the campaign
 * service is down: the earn then asks it as it always did). After a failed read the process does
 * not try again for `ttlMs`, so while campaign is down or hung an earn waits on one call to it, as
 * before, not two.
 */
export async function localCoefficient(
  dataSource: DataSource,
  campaign: Pick<CampaignPort, 'listEarnCampaigns'>,
  order: CalendarOrder,
  ttlMs?: number,
): Promise<number | null> {
  if ((unavailableUntil.get(dataSource) ?? 0) > Date.now()) return null;
  const calendar = await campaignCalendar(dataSource, campaign, ttlMs).catch(() => {
    unavailableUntil.set(dataSource, Date.now() + (ttlMs ?? SHARED_VALUE_TTL_MS));
    return undefined;
  });
  return calendar ? calendarCoefficient(calendar, order) : null;
}
