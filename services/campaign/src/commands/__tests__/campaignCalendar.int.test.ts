import { OutboxEventSchema } from '../../../../kit/src';
import { useCampaignCommands } from '../../../test/campaignFixture';
import { MemoryPoints } from '../../../test/memoryPorts';
import { calendarHandlers, CALENDAR_CHANGED_TOPIC, CALENDAR_EVENT_KEY, CALENDAR_LOOKBACK_MS, earnCalendar } from '../campaignCalendar';
import { createCampaign } from '../createCampaign';
import { moveCampaign } from '../moveCampaign';
import { setCoefficientCombination } from '../setCoefficientCombination';

const f = useCampaignCommands();
const NOW = new Date('2026-12-03T12:00:00Z');
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000).toISOString();
const create = (input: Partial<Parameters<typeof createCampaign>[1]> & { name: string }) =>
  createCampaign(f.dataSource, { activityCoefficient: '2.0', startsAt: hours(-1), endsAt: hours(24), ...input }, 'staff:test');
const calendarEvents = async () =>
  (await f.dataSource.getRepository(OutboxEventSchema).findBy({ type: CALENDAR_CHANGED_TOPIC })).map((e) => e.key);

describe('the calendar points holds: every change announces itself', () => {
  it('createCampaign, moveCampaign and setCoefficientCombination enqueue the event in their transaction; a refused create none', async () => {
    const week = await create({ name: 'Double week' });
    expect(await calendarEvents()).toEqual([CALENDAR_EVENT_KEY]);
    await expect(create({ name: 'Double week' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await calendarEvents()).toHaveLength(1);
    await moveCampaign(f.dataSource, week.id, 'END', NOW);
    await setCoefficientCombination(f.dataSource, 'MULTIPLY', 'staff:test', NOW);
    expect(await calendarEvents()).toEqual([CALENDAR_EVENT_KEY, CALENDAR_EVENT_KEY, CALENDAR_EVENT_KEY]);
  });

  it('the event tells points once however many are pending', async () => {
    await create({ name: 'One' });
    await create({ name: 'Two' });
    const points = new MemoryPoints();
    const events = (await f.dataSource.getRepository(OutboxEventSchema).find()).map((row) => ({ ...row, payload: {} }));
    expect(events).toHaveLength(2);
    await calendarHandlers({ points })[CALENDAR_CHANGED_TOPIC](events);
    expect(points.calendarChanges).toBe(1);
  });
});

describe('earnCalendar: what ListEarnCampaigns serves', () => {
  it('scheduled multipliers and first-mini-program-order campaigns not ended before the look-back, and the combination in force now', async () => {
    const live = await create({ name: 'Live', budgetPoints: 500, target: { tiers: ['GOLD'], channels: ['POS'], stores: ['SH-01'] } });
    const later = await create({ name: 'Later', startsAt: hours(48), endsAt: hours(72) });
    const justEnded = await create({
      name: 'Just ended',
      startsAt: hours(-2),
      endsAt: new Date(NOW.getTime() - CALENDAR_LOOKBACK_MS / 2).toISOString(),
    });
    await create({ name: 'Long ended', startsAt: hours(-5), endsAt: hours(-1) });
    await create({ name: 'Draft', draft: true });
    const ended = await create({ name: 'Ended early' });
    await moveCampaign(f.dataSource, ended.id, 'END', NOW);
    await create({ name: 'Check-in bonus', type: 'BONUS', activityCoefficient: null, taskAction: 'CHECK_IN', bonusPoints: 10 });
    const task = await create({
      name: 'First app order',
      type: 'BONUS',
      activityCoefficient: null,
      taskAction: 'FIRST_MINI_PROGRAM_ORDER',
      bonusPoints: 10,
    });

    const calendar = await earnCalendar(f.dataSource, 'max', NOW);
    expect(calendar.holdsFrom).toEqual(new Date(NOW.getTime() - CALENDAR_LOOKBACK_MS));
    expect(calendar.combination).toBe('max');
    expect(calendar.campaigns.map((c) => c.id).sort()).toEqual([live.id, later.id, justEnded.id, task.id].sort());
    // Read from the database, not a process copy: a setting written now is in the next read.
    await setCoefficientCombination(f.dataSource, 'MULTIPLY', 'staff:test', NOW);
    expect((await earnCalendar(f.dataSource, 'max', NOW)).combination).toBe('product');
  });
});
