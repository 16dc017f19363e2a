import type { DataSource } from 'typeorm';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { createLogger, createOutbox, type Outbox } from '../../kit/src';
import { defineCouponTemplate } from '../src/commands/defineCouponTemplate';
import { defineReward } from '../src/commands/defineReward';
import { redeemReward } from '../src/commands/redeemReward';
import { driveSaga, localCouponIssuer, REWARD_SAGA_STEP, rewardSagaHandler } from '../src/commands/rewardSaga';
import { benefitsSchema } from '../src/db/data-source';
import { Reward } from '../src/db/entities/Reward';
import { RewardClaim } from '../src/db/entities/RewardClaim';
import { RewardRedemption } from '../src/db/entities/RewardRedemption';
import { MemoryMember, MemoryPoints } from './memoryPorts';

/**
 * No oversold reward, on the database the suite runs on (SQLite by default, MySQL with
 * DATABASE_URL, where the redemptions really run side by side on a pool of connections): 200
 * simultaneous redemptions against a stock of 50 start exactly 50 sagas, and one member racing
 * 30 redemptions against a limit of 3 starts exactly 3; the sagas then complete.
 */
let dataSource: DataSource;
let outbox: Outbox;
let stop: () => Promise<void>;
const member = new MemoryMember();
const points = new MemoryPoints();
beforeAll(async () => {
  const database = await openServiceTestDatabase(benefitsSchema);
  ({ dataSource } = database);
  outbox = createOutbox({
    dataSource,
    handlers: {
      [REWARD_SAGA_STEP]: rewardSagaHandler({
        dataSource,
        points,
        coupons: localCouponIssuer(dataSource, member),
        holdTtlMs: 60_000,
        issueDeadlineMs: 10_000,
        maxStepAttempts: 3,
      }),
    },
    logger: createLogger('benefits', process.env.TEST_LOG_LEVEL ?? 'silent'),
    intervalMs: 0,
  });
  stop = async () => {
    await outbox.stop();
    await database.close();
  };
  for (let i = 0; i < 200; i += 1) {
    member.add(`member-${i}`);
    points.earn(`member-${i}`, 1000);
  }
  await defineCouponTemplate(
    dataSource,
    { code: 'RUSH_COUPON', name: 'Rush', kind: 'NO_THRESHOLD', amount: '10.00', validDays: 7, perMemberLimit: 10, stock: 1000 },
    'staff:test',
  );
});
afterAll(() => stop?.());

const redeem = (rewardId: string, memberId: string, key: string) =>
  redeemReward(dataSource, { member, points }, { rewardId, memberId, idempotencyKey: key }, `member:${memberId}`);

async function settle(attempts: Array<Promise<{ redemption: RewardRedemption }>>) {
  const outcomes = await Promise.allSettled(attempts);
  const started = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.redemption] : []));
  const reasons = new Set(
    outcomes.flatMap((o) => (o.status === 'rejected' ? [`${o.reason.code}:${o.reason.details?.reason as string}`] : [])),
  );
  return { started, reasons };
}

it('200 simultaneous redemptions against a stock of 50 start exactly 50 sagas, which complete', async () => {
  await defineReward(
    dataSource,
    { code: 'RUSH', name: 'Rush', kind: 'COUPON', templateCode: 'RUSH_COUPON', pointsPrice: 100, stock: 50, perMemberLimit: 1 },
    'staff:test',
  );
  const { started, reasons } = await settle(Array.from({ length: 200 }, (_, i) => redeem('RUSH', `member-${i}`, `rush-key-${i}`)));
  expect(started).toHaveLength(50);
  expect([...reasons]).toEqual(['CONFLICT:OUT_OF_STOCK']);
  expect(await dataSource.getRepository(Reward).findOneByOrFail({ code: 'RUSH' })).toMatchObject({ stockLeft: 0 });
  const finished = await Promise.all(started.map((r) => driveSaga(dataSource, outbox, r.id)));
  expect(finished.map((r) => r.state)).toEqual(Array(50).fill('COMPLETED'));
  expect(new Set(finished.map((r) => r.memberId)).size).toBe(50);
});

it('one member racing 30 redemptions against a limit of 3 starts exactly 3', async () => {
  await defineReward(
    dataSource,
    { code: 'LIMIT3', name: 'Limit 3', kind: 'GOODS', goodsSku: 'L3', pointsPrice: 10, stock: 100, perMemberLimit: 3 },
    'staff:test',
  );
  const { started, reasons } = await settle(Array.from({ length: 30 }, (_, i) => redeem('LIMIT3', 'member-7', `limit-key-${i}`)));
  expect(started).toHaveLength(3);
  expect([...reasons]).toEqual(['CONFLICT:PER_MEMBER_LIMIT']);
  expect(await dataSource.getRepository(RewardClaim).findOneByOrFail({ rewardCode: 'LIMIT3', memberId: 'member-7' })).toMatchObject({
    claimed: 3,
  });
  expect(await dataSource.getRepository(Reward).findOneByOrFail({ code: 'LIMIT3' })).toMatchObject({ stockLeft: 97 });
});
