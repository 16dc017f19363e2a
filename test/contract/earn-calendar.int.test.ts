import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { ListEarnCampaignsResponse__Output } from '../../proto/gen/membergraph/campaign/v1/ListEarnCampaignsResponse';
import { boostEarn } from '../../services/campaign/src/commands/boostEarn';
import { Campaign } from '../../services/campaign/src/db/entities/Campaign';
import { CampaignGrant } from '../../services/campaign/src/db/entities/CampaignGrant';
import { CampaignSetting } from '../../services/campaign/src/db/entities/CampaignSetting';
import { EarnBoost } from '../../services/campaign/src/db/entities/EarnBoost';
import { combinationChanged, COMBINATION_SETTING } from '../../services/campaign/src/db/settings';
import { campaignSchema } from '../../services/campaign/src/db/data-source';
import { listEarnCampaigns } from '../../services/campaign/src/grpc/handlers/ListEarnCampaigns';
import { MemoryMember } from '../../services/campaign/test/memoryPorts';
import { calendarCoefficient } from '../../services/points/src/domain/earnCalendar';
import { calendarOfWire } from '../../services/points/src/grpc/peers';
import { openCommandDatabase, type CommandDatabase } from '../harness/commandDatabase';

/**
 * The contract between campaign and points on an order's coefficient (issue 19): for random
 * calendars and orders, whenever points computes the coefficient from the calendar campaign lists
 * (ListEarnCampaigns' handler, read as points' adapter reads it), campaign's own boostEarn — against
 * its real schema, with budgets, segments and consent — answers the same and reserves nothing. Where
 * they could differ (a budgeted, segment or consent campaign applies), points must ask campaign.
 */
let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(campaignSchema);
});
afterAll(() => db?.close());

const MINUTE = 60_000;
const TIERS = ['REGULAR', 'SILVER', 'GOLD'];
const CHANNELS = ['WEB', 'POS', 'MINI_PROGRAM', 'PARTNER'];
const STORES = ['SH-01', 'BJ-02'];
const codes = (all: string[]) => fc.option(fc.subarray(all, { minLength: 1 }), { nil: null, freq: 2 });
/** True one time in four: a campaign needing campaign's own facts is the exception, as in a programme. */
const sometimes = fc.integer({ min: 0, max: 3 }).map((n) => n === 0);

const campaignArb = fc.record({
  coefficientMilli: fc.oneof(fc.constantFrom(1000, 1500, 2000, 3000), fc.integer({ min: 1000, max: 10_000 })),
  // Minutes from now: windows that ended before the calendar's look-back, around the orders, or still to come.
  startsIn: fc.integer({ min: -200, max: 10 }),
  lastsMinutes: fc.integer({ min: 1, max: 400 }),
  status: fc.constantFrom('SCHEDULED', 'SCHEDULED', 'SCHEDULED', 'DRAFT', 'ENDED'),
  budget: fc.option(fc.record({ points: fc.integer({ min: 0, max: 2000 }), spentShare: fc.double({ min: 0, max: 1, noNaN: true }) }), {
    nil: null,
    freq: 2,
  }),
  tiers: codes(TIERS),
  channels: codes(CHANNELS),
  stores: codes(STORES),
  segments: sometimes,
  consent: sometimes,
  // A task counting a first mini-program order instead of a multiplier.
  miniProgramTask: sometimes,
});

const orderArb = fc.record({
  // Seconds ago: mostly inside what the calendar holds (its read less a minute), some before it.
  placedSecondsAgo: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 50 }), weight: 4 },
    { arbitrary: fc.integer({ min: 0, max: 5400 }), weight: 1 },
  ),
  tierId: fc.constantFrom(...TIERS),
  channel: fc.constantFrom(...CHANNELS),
  store: fc.option(fc.constantFrom(...STORES, 'GZ-03'), { nil: null }),
  amountFen: fc.integer({ min: 1, max: 5_000_000 }),
  multiplierMilli: fc.constantFrom(1000, 1200, 1500, 2000),
  consented: fc.boolean(),
});

type CampaignCase = typeof campaignArb extends fc.Arbitrary<infer T> ? T : never;

async function store(campaigns: readonly CampaignCase[], now: number) {
  const rows = campaigns.map((c, i) =>
    Object.assign(new Campaign(), {
      id: `c-${i}-${randomUUID().slice(0, 8)}`,
      name: `campaign ${i}`,
      type: c.miniProgramTask ? 'TASK' : 'MULTIPLIER',
      status: c.status,
      coefficientMilli: c.miniProgramTask ? 1000 : c.coefficientMilli,
      startsAt: new Date(now + c.startsIn * MINUTE),
      endsAt: new Date(now + (c.startsIn + c.lastsMinutes) * MINUTE),
      targetTiers: c.tiers,
      targetChannels: c.channels,
      targetStores: c.stores,
      targetSegments: c.segments ? ['segment-nobody-is-in'] : null,
      requireMarketingConsent: c.consent,
      budgetPoints: c.budget ? c.budget.points : null,
      spentPoints: c.budget ? Math.floor(c.budget.points * c.budget.spentShare) : 0,
      budgetCoupons: null,
      spentCoupons: 0,
      bonusPoints: c.miniProgramTask ? 10 : null,
      taskAction: c.miniProgramTask ? 'FIRST_MINI_PROGRAM_ORDER' : null,
      taskTarget: c.miniProgramTask ? 1 : null,
      rewardCouponTemplate: null,
      endedAt: null,
      createdBy: null,
    }),
  );
  if (rows.length > 0) await db.dataSource.getRepository(Campaign).insert(rows);
}

describe('points’ coefficient from the calendar equals campaign’s boostEarn', () => {
  it('for random calendars, combinations and orders', async () => {
    let local = 0;
    let asked = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(campaignArb, { maxLength: 6 }),
        fc.constantFrom('max', 'product', null),
        orderArb,
        async (campaigns, combination, order) => {
          for (const entity of [CampaignGrant, EarnBoost, CampaignSetting, Campaign])
            await db.dataSource.getRepository<object>(entity).clear();
          const now = Date.now();
          await store(campaigns, now);
          if (combination)
            await db.dataSource
              .getRepository(CampaignSetting)
              .insert({ name: COMBINATION_SETTING, value: combination, updatedBy: 'test', updatedAt: new Date(now) });

          // As setCoefficientCombination does after its write: campaign's process reads the setting again.
          combinationChanged(db.dataSource);
          const wire = await listEarnCampaigns(db.dataSource, {
            coefficientCombination: 'max',
            referral: { qualifyingEvent: 'REGISTRATION' },
          } as never);
          const calendar = calendarOfWire(wire as unknown as ListEarnCampaignsResponse__Output);
          const orderedAt = new Date(now - order.placedSecondsAgo * 1000);
          const coefficient = calendarCoefficient(calendar, {
            orderedAt,
            tierId: order.tierId,
            channel: order.channel,
            store: order.store,
          });

          const member = new MemoryMember();
          if (!order.consented) member.withdrawn.add('m-1');
          const answer = await boostEarn(db.dataSource, { member }, 'max', {
            memberId: 'm-1',
            at: orderedAt,
            tierId: order.tierId,
            channel: order.channel,
            store: order.store,
            orderRef: `ORDER:${randomUUID()}`,
            earn: { amountFen: order.amountFen, baseRateMilli: 1000, multiplierMilli: order.multiplierMilli },
          });
          if (coefficient === null) {
            asked += 1;
            return;
          }
          local += 1;
          expect(coefficient).toBe(answer.coefficientMilli);
          // Nothing was reserved: a budget never misses an order points answered alone.
          expect(answer.reservationId).toBeNull();
          expect(answer.applied.every((a) => a.extraPoints >= 0)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
    // Both paths were exercised, the local one often enough to mean something.
    expect(local).toBeGreaterThan(60);
    expect(asked).toBeGreaterThan(20);
  });
});
