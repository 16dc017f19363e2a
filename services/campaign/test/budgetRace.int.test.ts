import type { DataSource } from 'typeorm';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { boostEarn } from '../src/commands/boostEarn';
import { createCampaign } from '../src/commands/createCampaign';
import { returnBudget } from '../src/commands/returnBudget';
import { campaignSchema } from '../src/db/data-source';
import { Campaign } from '../src/db/entities/Campaign';
import { CampaignGrant } from '../src/db/entities/CampaignGrant';
import { EarnBoost } from '../src/db/entities/EarnBoost';
import { memoryPeers } from './memoryPorts';

/**
 * A budget under concurrent earns, on the database the suite runs on (SQLite by default, MySQL with
 * DATABASE_URL, where the earns really run side by side on a pool): never exceeded, never left
 * under-used by as much as one more grant, and a retried order never spends twice; with refunds and
 * refused earns giving budget back meanwhile, what is spent is exactly what the kept orders hold.
 */
let dataSource: DataSource;
let stop: () => Promise<void>;
const peers = memoryPeers();
beforeAll(async () => {
  ({ dataSource, close: stop } = await openServiceTestDatabase(campaignSchema));
});
afterAll(() => stop?.());

const AT = new Date();
const window = { startsAt: new Date(AT.getTime() - 3_600_000).toISOString(), endsAt: new Date(AT.getTime() + 3_600_000).toISOString() };

const earn = (orderNo: string, amountFen: number, at = AT) =>
  boostEarn(dataSource, peers, 'max', {
    memberId: `m-${orderNo}`,
    at,
    tierId: 'REGULAR',
    channel: 'WEB',
    store: null,
    orderRef: `ORDER:${orderNo}`,
    earn: { amountFen, baseRateMilli: 1000, multiplierMilli: 1000 },
  });

it('200 simultaneous earns against a budget of 1,000 extra points spend exactly 1,000 (equal grants of 30: 990)', async () => {
  const campaign = await createCampaign(
    dataSource,
    { name: 'Race', activityCoefficient: '2', ...window, budgetPoints: 1000 },
    'staff:test',
  );
  // 30 CNY each: 30 extra points per order; 33 fit (990), the 34th would exceed.
  const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => earn(`race-${i}`, 3000)));
  const granted = answers.filter((a) => a.coefficientMilli === 2000);
  expect(granted).toHaveLength(33);
  const stored = await dataSource.getRepository(Campaign).findOneByOrFail({ id: campaign.id });
  expect(stored.spentPoints).toBe(990);
  const grants = await dataSource.getRepository(CampaignGrant).findBy({ campaignId: campaign.id });
  expect(grants.reduce((sum, g) => sum + g.points, 0)).toBe(990);
  // Under-used by less than one grant.
  expect(1000 - stored.spentPoints).toBeLessThan(30);
});

it('mixed sizes: never over the budget, and what is left is smaller than every refused extra', async () => {
  const campaign = await createCampaign(
    dataSource,
    { name: 'Mixed race', activityCoefficient: '2', ...window, budgetPoints: 5000 },
    'staff:test',
  );
  const sizes = Array.from({ length: 300 }, (_, i) => 1000 + ((i * 7919) % 9000));
  const answers = await Promise.all(sizes.map((fen, i) => earn(`mixed-${i}`, fen)));
  const stored = await dataSource.getRepository(Campaign).findOneByOrFail({ id: campaign.id });
  expect(stored.spentPoints).toBeLessThanOrEqual(5000);
  const refused = sizes.filter((_, i) => answers[i].campaignIds.length === 0 || !answers[i].campaignIds.includes(campaign.id));
  expect(refused.length).toBeGreaterThan(0);
  const left = 5000 - stored.spentPoints;
  // Every refused order's extra (fen / 100 points) was larger than what was left when it was refused, so larger than what is left now.
  for (const fen of refused) expect(Math.floor(fen / 100)).toBeGreaterThan(left);
  const sum = (await dataSource.getRepository(CampaignGrant).findBy({ campaignId: campaign.id })).reduce((s, g) => s + g.points, 0);
  expect(sum).toBe(stored.spentPoints);
});

it('the same order retried concurrently spends once and is answered the same every time', async () => {
  const campaign = await createCampaign(
    dataSource,
    { name: 'Retry race', activityCoefficient: '2', ...window, budgetPoints: 10_000 },
    'staff:test',
  );
  const answers = await Promise.all(Array.from({ length: 40 }, () => earn('retried-1', 10_000)));
  expect(new Set(answers.map((a) => a.coefficientMilli))).toEqual(new Set([2000]));
  // Whichever live campaign won the order, it was charged once: one grant of 100 extra points.
  const grants = await dataSource.getRepository(CampaignGrant).findBy({ grantRef: 'ORDER:retried-1' });
  expect(grants.map((g) => g.points)).toEqual([100]);
  expect(answers.filter((a) => !a.replayed).length).toBeLessThanOrEqual(1);
  const spent = (await dataSource.getRepository(Campaign).findOneByOrFail({ id: campaign.id })).spentPoints;
  expect(spent === 0 || spent === 100).toBe(true);
});

it('100 simultaneous check-ins against a BONUS budget of 250 points (10 each) grant exactly 25', async () => {
  const { recordAction } = await import('../src/commands/recordAction');
  const bonus = await createCampaign(
    dataSource,
    { name: 'Check-in rush', type: 'BONUS', taskAction: 'CHECK_IN', bonusPoints: 10, ...window, budgetPoints: 250 },
    'staff:test',
  );
  const noDelivery = { deliverNow: async () => undefined };
  const results = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      recordAction(dataSource, peers, noDelivery, 480, { memberId: `rush-${i}`, action: 'CHECK_IN', ref: 'DAY-1', at: AT }),
    ),
  );
  expect(results.filter((grants) => grants.length > 0)).toHaveLength(25);
  expect((await dataSource.getRepository(Campaign).findOneByOrFail({ id: bonus.id })).spentPoints).toBe(250);
  expect(await dataSource.getRepository(CampaignGrant).countBy({ campaignId: bonus.id })).toBe(25);
});

it('earns, refused earns and full and partial refunds side by side: spent == Σ extra points kept by the orders, exactly', async () => {
  // A later day of its own, so no other test's campaign competes for these orders.
  const day = new Date(AT.getTime() + 2 * 86_400_000);
  const ownWindow = {
    startsAt: new Date(day.getTime() - 3_600_000).toISOString(),
    endsAt: new Date(day.getTime() + 3_600_000).toISOString(),
  };
  const campaign = await createCampaign(
    dataSource,
    { name: 'Refund race', activityCoefficient: '2', ...ownWindow, budgetPoints: 6000 },
    'staff:test',
  );
  const sizes = Array.from({ length: 240 }, (_, i) => 1000 + ((i * 7919) % 9000));
  /** What each order keeps of the extra points it was granted, once its fate has played out. */
  const kept = await Promise.all(
    sizes.map(async (amountFen, i) => {
      const orderNo = `fate-${i}`;
      const orderRef = `ORDER:${orderNo}`;
      const answer = await earn(orderNo, amountFen, day);
      const extra = answer.applied.find((a) => a.campaignId === campaign.id)?.extraPoints ?? 0;
      const refund = (refundNo: string, refundedFen: number) =>
        returnBudget(dataSource, { orderRef, key: `REFUND:${refundNo}`, request: { kind: 'REFUND', refundedFen, amountFen } });
      switch (i % 5) {
        case 0: {
          // Refused: returned twice at once (the outbox delivers at least once).
          const request = { kind: 'REFUSED' as const, reservationId: answer.reservationId ?? 'none' };
          await Promise.all([1, 2].map(() => returnBudget(dataSource, { orderRef, key: `REFUSED:${request.reservationId}`, request })));
          return 0;
        }
        case 1:
          // Refunded in full, the return delivered twice at once.
          await Promise.all([refund(`${orderNo}-all`, amountFen), refund(`${orderNo}-all`, amountFen)]);
          return 0;
        case 2: {
          // Two partial refunds (a third, then the rest but 1 fen) whose returns arrive in either order.
          const third = Math.floor(amountFen / 3);
          await Promise.all([refund(`${orderNo}-a`, third), refund(`${orderNo}-b`, amountFen - 1)]);
          return extra - Math.floor((extra * (amountFen - 1)) / amountFen);
        }
        default:
          return extra;
      }
    }),
  );
  const stored = await dataSource.getRepository(Campaign).findOneByOrFail({ id: campaign.id });
  expect(stored.spentPoints).toBe(kept.reduce((sum, points) => sum + points, 0));
  expect(stored.spentPoints).toBeLessThanOrEqual(6000);
  // The books agree: what the grants still hold is what was spent.
  const grants = await dataSource.getRepository(CampaignGrant).findBy({ campaignId: campaign.id });
  expect(grants.reduce((sum, g) => sum + g.points - g.pointsReturned, 0)).toBe(stored.spentPoints);
  // Refused orders hold nothing any more: a retry of one would reserve afresh.
  const refusedRefs = sizes.map((_, i) => `ORDER:fate-${i}`).filter((_, i) => i % 5 === 0);
  expect(grants.filter((g) => refusedRefs.includes(g.grantRef))).toEqual([]);
  expect(await dataSource.getRepository(EarnBoost).countBy(refusedRefs.map((orderRef) => ({ orderRef })))).toBe(0);
  // Some orders found the budget spent: the race really ran against the limit.
  expect(kept.filter((_, i) => i % 5 >= 3).some((points) => points === 0)).toBe(true);
});
