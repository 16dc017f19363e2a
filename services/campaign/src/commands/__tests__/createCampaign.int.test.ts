import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { campaignSchema } from '../../db/data-source';
import { Campaign } from '../../db/entities/Campaign';
import { createCampaign as create } from '../createCampaign';
import { defineSegment } from '../defineSegment';

const createCampaign = (dataSource: CommandDatabase['dataSource'], input: Parameters<typeof create>[1]) =>
  create(dataSource, input, 'staff:test');

let db: CommandDatabase;
/** A real segment of the segment store: campaigns target segments by id. */
let vipSegment: string;
beforeAll(async () => {
  db = await openCommandDatabase(campaignSchema);
  vipSegment = (
    await defineSegment(
      db.dataSource,
      { key: 'VIP', name: 'Gold members', rules: '{"field":"tier","op":"eq","value":"GOLD"}' },
      'staff:test',
    )
  ).id;
});
afterAll(() => db.close());

const VALID = {
  name: ' Double points week ',
  activityCoefficient: '2.0',
  startsAt: '2026-12-01T00:00:00+08:00',
  endsAt: '2026-12-08T00:00:00+08:00',
};

describe('createCampaign', () => {
  it('stores the campaign with its coefficient in thousandths and its window as instants', async () => {
    const created = await createCampaign(db.dataSource, VALID);
    const stored = await db.dataSource.getRepository(Campaign).findOneByOrFail({ id: created.id });
    expect(stored).toMatchObject({
      name: 'Double points week',
      coefficientMilli: 2000,
      startsAt: new Date('2026-11-30T16:00:00Z'),
      endsAt: new Date('2026-12-07T16:00:00Z'),
    });
  });

  it('gives every campaign its own id, even with the same details but the name', async () => {
    const [one, two] = [
      await createCampaign(db.dataSource, { ...VALID, name: 'One' }),
      await createCampaign(db.dataSource, { ...VALID, name: 'Two' }),
    ];
    expect(one.id).not.toBe(two.id);
  });

  it.each([
    ['activityCoefficient', { activityCoefficient: '0.999' }],
    ['activityCoefficient', { activityCoefficient: '10.001' }],
    ['activityCoefficient', { activityCoefficient: '2.0001' }],
    ['name', { name: '   ' }],
    ['name', { name: 'n'.repeat(129) }],
    ['startsAt', { startsAt: '2026-12-01' }],
    ['endsAt', { endsAt: '2026-12-01T00:00:00+08:00' }],
    ['endsAt', { endsAt: '2026-11-01T00:00:00+08:00' }],
    ['budgetPoints', { budgetPoints: -1 }],
    ['budgetCoupons', { budgetCoupons: -5 }],
    ['budgetPoints', { budgetPoints: 1.5 }],
    ['target.segments', { target: { segments: ['seg-unknown'] } }],
    ['target.channels', { target: { channels: ['TV'] } }],
    ['type', { type: 'LOTTERY' }],
    ['activityCoefficient', { type: 'BONUS', taskAction: 'CHECK_IN', bonusPoints: 5 }],
    ['taskAction', { type: 'BONUS', activityCoefficient: null, bonusPoints: 5 }],
    ['taskTarget', { type: 'CHECK_IN_STREAK', activityCoefficient: null, bonusPoints: 5, taskTarget: 1 }],
  ])('refuses a bad %s with BAD_USER_INPUT, writing nothing', async (field, change) => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(createCampaign(db.dataSource, { ...VALID, ...change })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field },
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('stores type, targeting and budgets; a segment must exist', async () => {
    const created = await createCampaign(db.dataSource, {
      ...VALID,
      name: 'Gold double points',
      target: { tiers: ['GOLD', 'GOLD'], channels: ['POS'], stores: ['SH-01'], segments: [vipSegment], requireMarketingConsent: true },
      budgetPoints: 10_000,
    });
    const stored = await db.dataSource.getRepository(Campaign).findOneByOrFail({ id: created.id });
    expect(stored).toMatchObject({
      type: 'MULTIPLIER',
      status: 'SCHEDULED',
      targetTiers: ['GOLD'],
      targetChannels: ['POS'],
      targetStores: ['SH-01'],
      targetSegments: [vipSegment],
      requireMarketingConsent: true,
      budgetPoints: 10_000,
      spentPoints: 0,
      createdBy: 'staff:test',
    });
  });

  it('stores a check-in streak and a task with their rewards', async () => {
    const streak = await createCampaign(db.dataSource, {
      ...VALID,
      name: 'Seven days',
      type: 'CHECK_IN_STREAK',
      activityCoefficient: null,
      taskTarget: 7,
      bonusPoints: 70,
    });
    expect(streak).toMatchObject({
      type: 'CHECK_IN_STREAK',
      coefficientMilli: 1000,
      taskAction: 'CHECK_IN',
      taskTarget: 7,
      bonusPoints: 70,
    });
    const task = await createCampaign(db.dataSource, {
      ...VALID,
      name: 'First mini-program order',
      type: 'TASK',
      activityCoefficient: null,
      taskAction: 'FIRST_MINI_PROGRAM_ORDER',
      taskTarget: 1,
      rewardCouponTemplate: 'WELCOME20',
      budgetCoupons: 500,
    });
    expect(task).toMatchObject({ type: 'TASK', rewardCouponTemplate: 'WELCOME20', budgetCoupons: 500 });
  });

  it('refuses a window overlapping a campaign of the same name and type, writing nothing; after it, the name is free', async () => {
    await createCampaign(db.dataSource, { ...VALID, name: 'Singles day' });
    const before = await snapshotDatabase(db.dataSource);
    await expect(
      createCampaign(db.dataSource, {
        ...VALID,
        name: 'Singles day',
        startsAt: '2026-12-07T00:00:00+08:00',
        endsAt: '2026-12-09T00:00:00+08:00',
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'startsAt', reason: 'OVERLAPPING_WINDOW' } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
    // Back to back is no overlap: the window is [startsAt, endsAt).
    await createCampaign(db.dataSource, { ...VALID, name: 'Singles day', startsAt: VALID.endsAt, endsAt: '2026-12-09T00:00:00+08:00' });
  });
});
