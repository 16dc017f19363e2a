import { IsNull, type DataSource } from 'typeorm';
import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { createLogger, createOutbox, DomainError, OutboxEventSchema, type Outbox } from '../../../../kit/src';
import { MemoryPoints } from '../../../test/memoryPorts';
import { benefitsSchema } from '../../db/data-source';
import { Coupon } from '../../db/entities/Coupon';
import { CouponClaim } from '../../db/entities/CouponClaim';
import { CouponTemplate } from '../../db/entities/CouponTemplate';
import { Reward } from '../../db/entities/Reward';
import { RewardClaim } from '../../db/entities/RewardClaim';
import { RewardRedemption } from '../../db/entities/RewardRedemption';
import type { CouponIssuerPort } from '../../ports';
import { defineReward, updateReward } from '../defineReward';
import { redeemReward } from '../redeemReward';
import { driveSaga, localCouponIssuer, REWARD_SAGA_STEP, rewardSagaHandler, type SagaDeps } from '../rewardSaga';
import { defineTemplate, memberDirectory } from './benefitsFixture';

let db: CommandDatabase;
let outbox: Outbox;
let saga: SagaDeps;
const members = memberDirectory({ alice: 'SILVER', bob: 'REGULAR', carol: 'GOLD' });
for (let i = 0; i < 60; i += 1) members.add(`m-${i}`, 'SILVER');
const points = new MemoryPoints();
/** The coupon issuer the saga sees: the real command, with whatever failure a test puts at its edge. */
let issuerEdge: (issue: () => Promise<{ couponId: string; replayed: boolean }>) => Promise<{ couponId: string; replayed: boolean }> = (
  issue,
) => issue();

beforeAll(async () => {
  db = await openCommandDatabase(benefitsSchema);
  const real = localCouponIssuer(db.dataSource, members);
  const coupons: CouponIssuerPort = { issue: (input, within) => issuerEdge(() => real.issue(input, within)) };
  // Every failure compensates at once, unless a test says otherwise.
  saga = { dataSource: db.dataSource, points, coupons, holdTtlMs: 60_000, issueDeadlineMs: 50, maxStepAttempts: 1 };
  outbox = createOutbox({
    dataSource: db.dataSource,
    handlers: { [REWARD_SAGA_STEP]: rewardSagaHandler(saga) },
    logger: createLogger('benefits', 'silent'),
    intervalMs: 0,
  });
  await defineTemplate(db.dataSource, { code: 'MUG_COUPON', stock: 1000, perMemberLimit: 10 });
  await defineReward(
    db.dataSource,
    { code: 'MUG', name: 'A mug coupon', kind: 'COUPON', templateCode: 'MUG_COUPON', pointsPrice: 300, stock: 5, perMemberLimit: 2 },
    'staff:ops',
  );
  await defineReward(
    db.dataSource,
    {
      code: 'TOTE',
      name: 'A tote bag',
      kind: 'GOODS',
      goodsSku: 'TOTE-1',
      pointsPrice: 200,
      stock: 3,
      perMemberLimit: 1,
      tiers: ['SILVER', 'GOLD'],
    },
    'staff:ops',
  );
  points.earn('alice', 1000);
  points.earn('bob', 100);
  points.earn('carol', 1000);
});
afterAll(async () => {
  await outbox.stop();
  await db.close();
});

const redeem = (memberId: string, rewardId: string, idempotencyKey: string) =>
  redeemReward(db.dataSource, { member: members, points }, { rewardId, memberId, idempotencyKey }, `member:${memberId}`);
const redeemAndDrive = async (memberId: string, rewardId: string, key: string) =>
  driveSaga(db.dataSource, outbox, (await redeem(memberId, rewardId, key)).redemption.id);
const reward = (code: string) => db.dataSource.getRepository(Reward).findOneByOrFail({ code });
const balance = (memberId: string) => points.ledger.filter((e) => e.memberId === memberId).reduce((sum, e) => sum + e.points, 0);

/** Delivers every pending step, backoff or not, until no saga has one left. */
async function settleAll(dataSource: DataSource): Promise<void> {
  for (let pass = 0; pass < 50; pass += 1) {
    if ((await dataSource.getRepository(OutboxEventSchema).countBy({ deliveredAt: IsNull() })) === 0) return;
    await outbox.dispatch(new Date(Date.now() + 3_600_000));
  }
  throw new Error('sagas did not settle');
}

describe('redeemReward (the saga)', () => {
  it('a coupon reward: stock reserved → points held → coupon issued → captured → COMPLETED, once per key', async () => {
    const done = await redeemAndDrive('alice', 'MUG', 'redeem-mug-0001');
    expect(done).toMatchObject({ state: 'COMPLETED', points: 300, failureCode: null, ledgerEntryId: expect.any(String) });
    const coupon = await db.dataSource.getRepository(Coupon).findOneByOrFail({ id: done.couponId! });
    expect(coupon).toMatchObject({ memberId: 'alice', templateCode: 'MUG_COUPON', status: 'AVAILABLE', source: 'REWARD' });
    expect(balance('alice')).toBe(700);
    expect(points.held('alice')).toBe(0);
    expect(await reward('MUG')).toMatchObject({ stockLeft: 4 });
    // The same key again answers the same redemption, and takes nothing more.
    expect(await redeem('alice', 'MUG', 'redeem-mug-0001')).toMatchObject({ replayed: true, redemption: { id: done.id } });
    await expect(redeem('alice', 'TOTE', 'redeem-mug-0001')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(balance('alice')).toBe(700);
  });

  it('a goods reward completes with a voucher', async () => {
    const done = await redeemAndDrive('carol', 'TOTE', 'redeem-tote-0001');
    expect(done).toMatchObject({ state: 'COMPLETED', couponId: null, voucherCode: expect.stringMatching(/^RV-[0-9A-F]{20}$/) });
    expect(balance('carol')).toBe(800);
  });

  it.each([
    ['an unknown reward', 'alice', 'NOPE', 'NOT_FOUND', undefined],
    ['more points than are available', 'bob', 'MUG', 'INSUFFICIENT_POINTS', undefined],
    ['a tier the reward is not for', 'bob', 'TOTE', 'FORBIDDEN', 'TIER_RESTRICTED'],
    ['the per-member limit reached', 'carol', 'TOTE', 'CONFLICT', 'PER_MEMBER_LIMIT'],
  ])('refuses %s, reserving nothing and holding no points', async (_, memberId, rewardId, code, reason) => {
    const before = await snapshotDatabase(db.dataSource);
    const holds = points.holds.size;
    const error = await redeem(memberId, rewardId, `refused-${memberId}-${rewardId}`).catch((e: DomainError) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code, details: { field: 'rewardId', ...(reason ? { reason } : {}) } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
    expect(points.holds.size).toBe(holds);
  });

  it('refuses an inactive reward (NOT_FOUND) and an empty stock (CONFLICT OUT_OF_STOCK)', async () => {
    await defineReward(
      db.dataSource,
      { code: 'GONE', name: 'Gone', kind: 'GOODS', goodsSku: 'G', pointsPrice: 1, stock: 0, perMemberLimit: 1 },
      'staff:ops',
    );
    const before = await snapshotDatabase(db.dataSource);
    await expect(redeem('alice', 'GONE', 'refused-gone-1')).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'OUT_OF_STOCK' },
    });
    await updateReward(db.dataSource, { code: 'GONE', change: { active: false, addStock: 1 } }, 'staff:ops');
    await expect(redeem('alice', 'GONE', 'refused-gone-2')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const after = await snapshotDatabase(db.dataSource);
    expect(after.reward_redemptions).toEqual(before.reward_redemptions);
    expect(after.outbox_events).toEqual(before.outbox_events);
  });

  it('a hold refused by the points service (the balance went meanwhile) compensates: stock and count back, nothing charged', async () => {
    points.earn('m-0', 300);
    points.before = async (call) => {
      if (call === 'hold') throw new DomainError('INSUFFICIENT_POINTS', 'the available balance is smaller than 300 points');
    };
    try {
      const done = await redeemAndDrive('m-0', 'MUG', 'redeem-raced-0001');
      expect(done).toMatchObject({ state: 'COMPENSATED', failedStep: 'HOLD', failureCode: 'INSUFFICIENT_POINTS', couponId: null });
    } finally {
      points.before = async () => undefined;
    }
    expect(balance('m-0')).toBe(300);
    expect(await reward('MUG')).toMatchObject({ stockLeft: 4 });
    expect(await db.dataSource.getRepository(RewardClaim).findOneByOrFail({ rewardCode: 'MUG', memberId: 'm-0' })).toMatchObject({
      claimed: 0,
    });
  });

  it('a capture whose answer was lost compensates into its release, learns it was captured and completes', async () => {
    points.earn('m-1', 300);
    let lost = false;
    points.after = async (call) => {
      if (call === 'capture' && !lost) {
        lost = true;
        throw new DomainError('UNAVAILABLE', 'the answer was lost');
      }
    };
    try {
      const done = await redeemAndDrive('m-1', 'MUG', 'redeem-lost-0001');
      expect(done).toMatchObject({ state: 'COMPLETED', failureCode: null });
      expect(await db.dataSource.getRepository(Coupon).findOneByOrFail({ id: done.couponId! })).toMatchObject({ status: 'AVAILABLE' });
    } finally {
      points.after = async () => undefined;
    }
    expect(balance('m-1')).toBe(0);
  });

  it('a hold the sweep released (the saga was away past its expiry) cannot be captured: the saga compensates and voids the coupon', async () => {
    points.earn('m-5', 300);
    const template = () => db.dataSource.getRepository(CouponTemplate).findOneByOrFail({ code: 'MUG_COUPON' });
    const before = await template();
    points.before = async (call, holdKey) => {
      // The points service's sweep got there first.
      if (call === 'capture') points.holds.get(holdKey)!.state = 'RELEASED';
    };
    try {
      const done = await redeemAndDrive('m-5', 'MUG', 'redeem-swept-0001');
      expect(done).toMatchObject({ state: 'COMPENSATED', failedStep: 'CAPTURE', failureCode: 'CONFLICT' });
      expect(await db.dataSource.getRepository(Coupon).findOneByOrFail({ id: done.couponId! })).toMatchObject({ status: 'VOIDED' });
    } finally {
      points.before = async () => undefined;
    }
    expect(balance('m-5')).toBe(300);
    expect(points.held('m-5')).toBe(0);
    // The coupon was never really issued: its template's stock and the member's count are back.
    expect((await template()).stockLeft).toBe(before.stockLeft);
    expect(await db.dataSource.getRepository(CouponClaim).findOneByOrFail({ templateCode: 'MUG_COUPON', memberId: 'm-5' })).toMatchObject({
      issued: 0,
    });
  });

  it('a compensation that cannot reach the points service waits in COMPENSATING and finishes when it can', async () => {
    points.earn('m-2', 300);
    let releasesFail = true;
    points.before = async (call) => {
      if (call === 'capture' || (call === 'release' && releasesFail)) throw new DomainError('UNAVAILABLE', 'down');
    };
    try {
      const stalled = await redeemAndDrive('m-2', 'MUG', 'redeem-stall-0001');
      expect(stalled).toMatchObject({ state: 'COMPENSATING', failedStep: 'CAPTURE', couponId: expect.any(String) });
      releasesFail = false;
      await settleAll(db.dataSource);
      const done = await db.dataSource.getRepository(RewardRedemption).findOneByOrFail({ id: stalled.id });
      expect(done).toMatchObject({ state: 'COMPENSATED' });
      expect(await db.dataSource.getRepository(Coupon).findOneByOrFail({ id: done.couponId! })).toMatchObject({ status: 'VOIDED' });
    } finally {
      points.before = async () => undefined;
    }
    expect(balance('m-2')).toBe(300);
    expect(points.held('m-2')).toBe(0);
  });
});

describe('a step whose peer does not answer', () => {
  it('is tried again through the outbox (REWARD_STEP_ATTEMPTS), and the saga completes when it answers', async () => {
    points.earn('m-3', 300);
    saga.maxStepAttempts = 3;
    let failures = 0;
    issuerEdge = async (issue) => {
      if (failures < 2) {
        failures += 1;
        throw new DomainError('UNAVAILABLE', 'the coupon issue failed');
      }
      return issue();
    };
    try {
      const waiting = await redeemAndDrive('m-3', 'MUG', 'redeem-retry-0001');
      expect(waiting).toMatchObject({ state: 'POINTS_HELD', stepAttempts: 1 });
      await settleAll(db.dataSource);
    } finally {
      issuerEdge = (issue) => issue();
      saga.maxStepAttempts = 1;
    }
    const done = await db.dataSource.getRepository(RewardRedemption).findOneByOrFail({ redeemKey: 'm-3:redeem-retry-0001' });
    expect(done).toMatchObject({ state: 'COMPLETED', stepAttempts: 0, failureCode: null });
    expect(failures).toBe(2);
    expect(balance('m-3')).toBe(0);
  });

  it('compensates after the last try', async () => {
    points.earn('m-4', 300);
    saga.maxStepAttempts = 2;
    issuerEdge = async () => {
      throw new DomainError('UNAVAILABLE', 'the coupon issue failed');
    };
    try {
      await redeemAndDrive('m-4', 'MUG', 'redeem-retry-0002');
      await settleAll(db.dataSource);
    } finally {
      issuerEdge = (issue) => issue();
      saga.maxStepAttempts = 1;
    }
    const done = await db.dataSource.getRepository(RewardRedemption).findOneByOrFail({ redeemKey: 'm-4:redeem-retry-0002' });
    expect(done).toMatchObject({ state: 'COMPENSATED', failedStep: 'ISSUE', failureCode: 'UNAVAILABLE' });
    expect(balance('m-4')).toBe(300);
    expect(points.held('m-4')).toBe(0);
  });
});

describe('the saga under an unreliable coupon issue', () => {
  it.each([
    [1, 20],
    [3, 40],
  ])(
    'IssueCoupon failing 30% of the time and timing out past its deadline (%i tries a step): every saga ends COMPLETED or COMPENSATED, exactly',
    async (tries, firstMember) => {
      saga.maxStepAttempts = tries;
      await updateReward(
        db.dataSource,
        { code: 'MUG', change: { addStock: 40 - (await reward('MUG')).stockLeft, perMemberLimit: 5 } },
        'staff:ops',
      );
      const initialStock = (await reward('MUG')).stockLeft;
      const members = Array.from({ length: 20 }, (_, i) => `m-${firstMember + i}`);
      for (const m of members) points.earn(m, 600);
      // A deterministic 30%: of every 10 issues, 2 fail at once and 1 answers only long after its
      // deadline (and then still tries to issue, as a slow call would).
      let calls = 0;
      const late: Array<Promise<unknown>> = [];
      issuerEdge = async (issue) => {
        const n = calls++ % 10;
        if (n === 3 || n === 7) throw new DomainError('UNAVAILABLE', 'the coupon issue failed');
        if (n === 5) {
          const slow = new Promise((resolve) => setTimeout(resolve, 150)).then(issue);
          late.push(slow.catch(() => undefined));
          return slow;
        }
        return issue();
      };
      try {
        const started = await Promise.all(members.flatMap((m) => [redeem(m, 'MUG', `flaky-${m}-a`), redeem(m, 'MUG', `flaky-${m}-b`)]));
        await Promise.all(started.map(({ redemption }) => driveSaga(db.dataSource, outbox, redemption.id)));
        await Promise.all(late);
        await settleAll(db.dataSource);
      } finally {
        issuerEdge = (issue) => issue();
        saga.maxStepAttempts = 1;
      }
      const sagas = await db.dataSource.getRepository(RewardRedemption).find({ where: members.map((memberId) => ({ memberId })) });
      expect(sagas).toHaveLength(members.length * 2);
      expect(sagas.filter((s) => !['COMPLETED', 'COMPENSATED'].includes(s.state))).toEqual([]);
      const completed = sagas.filter((s) => s.state === 'COMPLETED');
      const compensated = sagas.filter((s) => s.state === 'COMPENSATED');
      // Every failure compensates with one try; with three, a few still run out of tries.
      if (tries === 1) expect(compensated.length).toBeGreaterThan(0);
      expect(completed.length).toBeGreaterThan(0);
      // Stock: what is left plus what was handed out is what there was.
      expect((await reward('MUG')).stockLeft + completed.length).toBe(initialStock);
      for (const m of members) {
        const own = completed.filter((s) => s.memberId === m);
        // Charged exactly for the rewards they got, and nothing held any more.
        expect(balance(m)).toBe(600 - 300 * own.length);
        expect(points.held(m)).toBe(0);
        const coupons = await db.dataSource.getRepository(Coupon).findBy({ memberId: m, templateCode: 'MUG_COUPON', status: 'AVAILABLE' });
        expect(coupons.map((c) => c.id).sort()).toEqual(own.map((s) => s.couponId).sort());
      }
      // A compensated saga's coupon, if one was issued at all, is void; a late issue issued nothing.
      for (const s of compensated.filter((c) => c.couponId)) {
        expect(await db.dataSource.getRepository(Coupon).findOneByOrFail({ id: s.couponId! })).toMatchObject({ status: 'VOIDED' });
      }
      expect(compensated.every((s) => ['ISSUE'].includes(s.failedStep!))).toBe(true);
    },
  );
});
