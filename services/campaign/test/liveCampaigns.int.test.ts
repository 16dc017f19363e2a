import { In, LessThanOrEqual, MoreThan, type DataSource } from 'typeorm';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { campaignSchema } from '../src/db/data-source';
import { Campaign } from '../src/db/entities/Campaign';
import { campaignsChanged, findLiveCampaigns, fromSharedCopy, sharedLiveCampaigns, spendOf } from '../src/db/liveCampaigns';

/**
 * findLiveCampaigns reads by plain SQL (kit findByPlainSql) instead of find(): on the database the
 * suite runs on (SQLite, or MySQL with DATABASE_URL) it answers the very entities find() answers —
 * every column's conversion (instants, JSON lists, booleans, BIGINTs, nulls), the window's bounds,
 * the type filter and the order.
 */
let dataSource: DataSource;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ dataSource, close: stop } = await openServiceTestDatabase(campaignSchema));
});
afterAll(() => stop?.());

const AT = new Date('2026-12-03T12:00:00.250Z');
const hours = (n: number) => new Date(AT.getTime() + n * 3_600_000);

const campaign = (id: string, change: Partial<Campaign>): Campaign =>
  Object.assign(new Campaign(), {
    id,
    name: `campaign ${id}`,
    type: 'MULTIPLIER',
    status: 'SCHEDULED',
    coefficientMilli: 2000,
    startsAt: hours(-1),
    endsAt: hours(1),
    targetTiers: null,
    targetChannels: null,
    targetStores: null,
    targetSegments: null,
    requireMarketingConsent: false,
    budgetPoints: null,
    spentPoints: 0,
    budgetCoupons: null,
    spentCoupons: 0,
    bonusPoints: null,
    taskAction: null,
    taskTarget: null,
    rewardCouponTemplate: null,
    endedAt: null,
    createdBy: null,
    ...change,
  });

beforeAll(async () => {
  await dataSource.getRepository(Campaign).save([
    campaign('c-full', {
      targetTiers: ['GOLD', 'DIAMOND'],
      targetChannels: ['POS'],
      targetStores: ['SH-01'],
      targetSegments: ['seg-1'],
      requireMarketingConsent: true,
      budgetPoints: 9_007_199_254,
      spentPoints: 1_234_567,
      budgetCoupons: 10,
      spentCoupons: 3,
      createdBy: 'staff:test',
      startsAt: hours(-2),
    }),
    campaign('c-starts-now', { startsAt: AT }),
    campaign('c-bonus', {
      type: 'BONUS',
      coefficientMilli: 1000,
      bonusPoints: 50,
      taskAction: 'CHECK_IN',
      taskTarget: 3,
      rewardCouponTemplate: 'T-1',
    }),
    campaign('c-ends-now', { endsAt: AT }),
    campaign('c-later', { startsAt: hours(1), endsAt: hours(2) }),
    campaign('c-draft', { status: 'DRAFT' }),
    campaign('c-ended-early', { status: 'ENDED', endedAt: hours(-0.5) }),
  ]);
});

const byFind = (types?: Campaign['type'][]) =>
  dataSource.getRepository(Campaign).find({
    where: { status: 'SCHEDULED', startsAt: LessThanOrEqual(AT), endsAt: MoreThan(AT), ...(types ? { type: In(types) } : {}) },
    order: { startsAt: 'ASC', id: 'ASC' },
  });

it('answers the live campaigns find() answers, column for column, in the same order', async () => {
  const live = await findLiveCampaigns(dataSource, AT);
  expect(live.map((c) => c.id)).toEqual(['c-full', 'c-bonus', 'c-starts-now']);
  expect(live).toStrictEqual(await byFind());
  expect(live[0]).toBeInstanceOf(Campaign);
  expect(live[0]).toMatchObject({
    targetTiers: ['GOLD', 'DIAMOND'],
    requireMarketingConsent: true,
    spentPoints: 1_234_567,
    startsAt: hours(-2),
  });
});

it('filters by type as find() does', async () => {
  const multipliers = await findLiveCampaigns(dataSource, AT, ['MULTIPLIER']);
  expect(multipliers.map((c) => c.id)).toEqual(['c-full', 'c-starts-now']);
  expect(multipliers).toStrictEqual(await byFind(['MULTIPLIER']));
  expect(await findLiveCampaigns(dataSource, AT, ['BONUS', 'TASK'])).toStrictEqual(await byFind(['BONUS', 'TASK']));
});

it('costs one statement', async () => {
  const counter = dataSource.logger as unknown as { count: number };
  const before = counter.count;
  await findLiveCampaigns(dataSource, AT, ['MULTIPLIER']);
  expect(counter.count - before).toBe(1);
});

describe("the card's shared copy (sharedLiveCampaigns)", () => {
  const statements = () => (dataSource.logger as unknown as { count: number }).count;
  // Around the real clock: the copy holds the campaigns that end after its read.
  const soon = (minutes: number) => new Date(Date.now() + minutes * 60_000);

  it('answers what findLiveCampaigns answers, and reads no statement while the copy is fresh', async () => {
    await dataSource.getRepository(Campaign).save(campaign('c-now', { startsAt: soon(-10), endsAt: soon(10) }));
    campaignsChanged(dataSource);
    const now = new Date();
    expect(await sharedLiveCampaigns(dataSource, now)).toStrictEqual(await findLiveCampaigns(dataSource, now));
    expect((await sharedLiveCampaigns(dataSource, now)).map((c) => c.id)).toContain('c-now');
    // The fixtures' instant, whether the copy still holds it or (after it) the database answers.
    expect(await sharedLiveCampaigns(dataSource, AT)).toStrictEqual(await findLiveCampaigns(dataSource, AT));
    const before = statements();
    await sharedLiveCampaigns(dataSource, new Date());
    expect(statements() - before).toBe(0);
  });

  it('reads again after campaignsChanged, and the database for an instant before what the copy holds', async () => {
    await sharedLiveCampaigns(dataSource, new Date());
    await dataSource.getRepository(Campaign).update({ id: 'c-now' }, { status: 'ENDED', endedAt: new Date() });
    campaignsChanged(dataSource);
    expect((await sharedLiveCampaigns(dataSource, new Date())).map((c) => c.id)).not.toContain('c-now');
    const long = new Date('2020-01-01T00:00:00Z');
    const before = statements();
    expect(await sharedLiveCampaigns(dataSource, long)).toStrictEqual(await findLiveCampaigns(dataSource, long));
    expect(statements() - before).toBe(2);
  });

  it("marks its campaigns, whose spend counters are read now (spendOf), not the copy's", async () => {
    await dataSource
      .getRepository(Campaign)
      .save(campaign('c-spend', { startsAt: soon(-10), endsAt: soon(10), spentPoints: 5, spentCoupons: 1 }));
    campaignsChanged(dataSource);
    const [copy] = (await sharedLiveCampaigns(dataSource, new Date())).filter((c) => c.id === 'c-spend');
    expect(fromSharedCopy(copy)).toBe(true);
    expect(fromSharedCopy((await findLiveCampaigns(dataSource, new Date())).find((c) => c.id === 'c-spend')!)).toBe(false);
    await dataSource.getRepository(Campaign).update({ id: 'c-spend' }, { spentPoints: 9_007_199_254, spentCoupons: 4 });
    expect(copy.spentPoints).toBe(5);
    expect(await spendOf(dataSource, ['c-spend', 'c-none'])).toEqual([
      { id: 'c-spend', spentPoints: 9_007_199_254, spentCoupons: 4 },
      null,
    ]);
  });
});
