import type { DataSource } from 'typeorm';
import type { EarnCalendar } from '../../domain/earnCalendar';
import { multiplier, servedCalendar } from '../../../test/calendarFixture';
import { campaignCalendarChanged, localCoefficient } from '../campaignCalendar';

const NOW = new Date('2026-03-10T08:00:00Z');
const CALENDAR: EarnCalendar = servedCalendar(
  [multiplier('double', 2000, { startsAt: new Date('2026-03-09T00:00:00Z'), endsAt: new Date('2026-03-16T00:00:00Z') })],
  new Date(NOW.getTime() - 60_000),
);
const ORDER = { orderedAt: NOW, tierId: 'REGULAR', channel: 'POS', store: null };

describe('localCoefficient', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers from a held calendar without setting the wait timer; only a read in flight is raced against one', async () => {
    // Any object keys the process's calendar: a fresh one holds nothing yet.
    const dataSource = {} as DataSource;
    let reads = 0;
    const campaign = {
      listEarnCampaigns: () => {
        reads += 1;
        return Promise.resolve(CALENDAR);
      },
    };
    const timers = jest.spyOn(global, 'setTimeout');
    // The first earn waits for the read, bounded by CALENDAR_WAIT_MS.
    expect(await localCoefficient(dataSource, campaign, ORDER, 60_000)).toBe(2000);
    expect(timers).toHaveBeenCalledTimes(1);
    // Later earns find it held: no timer, no read.
    expect(await localCoefficient(dataSource, campaign, ORDER, 60_000)).toBe(2000);
    expect(await localCoefficient(dataSource, campaign, ORDER, 60_000)).toBe(2000);
    expect(timers).toHaveBeenCalledTimes(1);
    expect(reads).toBe(1);
    // The campaign service's event clears it: the next earn waits for the read again, bounded as before.
    campaignCalendarChanged(dataSource);
    expect(await localCoefficient(dataSource, campaign, ORDER, 60_000)).toBe(2000);
    expect(timers).toHaveBeenCalledTimes(2);
    expect(reads).toBe(2);
  });
});
