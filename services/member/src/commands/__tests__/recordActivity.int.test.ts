import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { inTransaction } from '../../../../kit/src';
import { memberSchema } from '../../db/data-source';
import { Member } from '../../db/entities/Member';
import { Milestone } from '../../db/entities/Milestone';
import { TierChange } from '../../db/entities/TierChange';
import { changeTier } from '../changeTier';
import type { ReachedMilestone } from '../milestones';
import { DEFAULT_TIER_RULES, recordActivity, reevaluateMember, type Activity } from '../recordActivity';
import { grantTier } from '../grantTier';
import { newMember } from './memberFixture';

let db: CommandDatabase;
let memberId: string;
/** The milestone hook (the port rewards will plug into), in memory. */
let reached: ReachedMilestone[];
const onMilestone = (milestone: ReachedMilestone) => void reached.push(milestone);
// After the registration (stamped with the real clock), so the history reads in order.
const start = Date.now() + 60_000;
const day = (n: number) => new Date(start + n * 86_400_000);

beforeEach(async () => {
  db = await openCommandDatabase(memberSchema);
  memberId = (await newMember(db.dataSource)).id;
  reached = [];
});
afterEach(() => db.close());

const CNY = 100;
const activity = (spendCny: number, purchases: number, asOf = day(1), id = memberId): Activity => ({
  memberId: id,
  spendFen: spendCny * CNY,
  purchases,
  asOf,
});
const reload = () => db.dataSource.getRepository(Member).findOneByOrFail({ id: memberId });
const history = async () =>
  (await db.dataSource.getRepository(TierChange).find({ where: { memberId }, order: { at: 'ASC' } })).map((c) => `${c.reason} ${c.toTier}`);
const grant = (toTier: string, at: Date, grantExpiresAt: Date | null) =>
  inTransaction(db.dataSource, async (manager) => {
    const member = await manager.findOneByOrFail(Member, { id: memberId });
    await changeTier(manager, member, { toTier, reason: 'GRANT', note: 'test', actor: 'staff:s-1', at, grantExpiresAt });
  });

/** Runs a call that must be refused: it answers `refusal` and leaves every table as it was. */
async function expectRefused(call: () => Promise<unknown>, refusal: { code: string; message?: string }): Promise<void> {
  const before = await snapshotDatabase(db.dataSource);
  await expect(call()).rejects.toMatchObject(refusal);
  expect(await snapshotDatabase(db.dataSource)).toEqual(before);
}

describe('recordActivity', () => {
  it('stores the 12-month figures and upgrades at once when they cross a threshold (DOMAIN.md §2)', async () => {
    const decision = await recordActivity(db.dataSource, activity(3_000, 5), onMilestone, day(1));
    expect(decision).toMatchObject({ memberId, tierId: 'SILVER', changed: true, tierVersion: 1, granted: false, grantExpiresAt: null });
    expect(await reload()).toMatchObject({
      tierId: 'SILVER',
      tierSource: 'EARNED',
      spend12mFen: 300_000,
      purchases12m: 5,
      activityAsOf: day(1),
    });
    expect(await history()).toEqual(['REGISTERED REGULAR', 'UPGRADE SILVER']);
  });

  it('asks for spend AND purchases: the spend alone does not upgrade, the figures are still stored', async () => {
    expect(await recordActivity(db.dataSource, activity(50_000, 4), onMilestone, day(1))).toMatchObject({
      memberId,
      tierId: 'REGULAR',
      changed: false,
    });
    expect(await reload()).toMatchObject({ tierId: 'REGULAR', spend12mFen: 5_000_000, purchases12m: 4 });
    expect(await history()).toEqual(['REGISTERED REGULAR']);
  });

  it('skips tiers when the figures qualify for more than the next one', async () => {
    expect(await recordActivity(db.dataSource, activity(10_000, 15), onMilestone, day(1))).toMatchObject({
      memberId,
      tierId: 'GOLD',
      changed: true,
    });
    expect(await history()).toEqual(['REGISTERED REGULAR', 'UPGRADE GOLD']);
  });

  it('never downgrades: lower figures leave the tier as it is', async () => {
    await recordActivity(db.dataSource, activity(10_000, 15, day(1)), onMilestone, day(1));
    expect(await recordActivity(db.dataSource, activity(100, 1, day(2)), onMilestone, day(2))).toMatchObject({
      memberId,
      tierId: 'GOLD',
      changed: false,
    });
    expect(await reload()).toMatchObject({ tierId: 'GOLD', spend12mFen: 10_000, purchases12m: 1 });
  });

  it('is idempotent: the same report twice upgrades once', async () => {
    await recordActivity(db.dataSource, activity(3_000, 5), onMilestone, day(1));
    expect(await recordActivity(db.dataSource, activity(3_000, 5), onMilestone, day(1))).toMatchObject({
      memberId,
      tierId: 'SILVER',
      changed: false,
    });
    expect(await history()).toEqual(['REGISTERED REGULAR', 'UPGRADE SILVER']);
  });

  it('ignores a report older than the one it has (reports can arrive out of order)', async () => {
    await recordActivity(db.dataSource, activity(3_000, 5, day(2)), onMilestone, day(2));
    expect(await recordActivity(db.dataSource, activity(50_000, 40, day(1)), onMilestone, day(3))).toMatchObject({
      memberId,
      tierId: 'SILVER',
      changed: false,
    });
    expect(await reload()).toMatchObject({ tierId: 'SILVER', spend12mFen: 300_000, purchases12m: 5, activityAsOf: day(2) });
  });

  it('tells the milestone hook after the commit: the top tier earned and the twelfth purchase, once each', async () => {
    await recordActivity(db.dataSource, activity(30_000, 30), onMilestone, day(1));
    expect(reached.map((m) => m.kind).sort()).toEqual(['FIRST_TOP_TIER', 'TWELFTH_PURCHASE']);
    expect(reached.every((m) => m.memberId === memberId)).toBe(true);
    await recordActivity(db.dataSource, activity(30_000, 31, day(2)), onMilestone, day(2));
    expect(reached).toHaveLength(2);
  });

  it('keeps the upgrade when the hook fails (it runs after the commit)', async () => {
    const failing = () => {
      throw new Error('reward service down');
    };
    await expect(recordActivity(db.dataSource, activity(30_000, 30), failing, day(1))).rejects.toThrow('reward service down');
    expect(await reload()).toMatchObject({ tierId: 'DIAMOND' });
    expect(await db.dataSource.getRepository(Milestone).count()).toBe(2);
  });

  it('does not count a granted top tier as earned, and upgrades past nothing while the grant is in force', async () => {
    await grant('DIAMOND', day(0), day(30));
    expect(await recordActivity(db.dataSource, activity(3_000, 5), onMilestone, day(1))).toMatchObject({
      memberId,
      tierId: 'DIAMOND',
      changed: false,
    });
    expect(await reload()).toMatchObject({ tierId: 'DIAMOND', tierSource: 'GRANTED', spend12mFen: 300_000 });
    expect(reached).toEqual([]);
  });

  it('ends an expired grant first, then applies the report from the earned tier', async () => {
    await grant('DIAMOND', day(0), day(2));
    expect(await recordActivity(db.dataSource, activity(3_000, 5, day(3)), onMilestone, day(3))).toMatchObject({
      memberId,
      tierId: 'SILVER',
      changed: true,
      // Three changes in all: the grant, its end and the upgrade, each counted once (the copy in points orders them by it).
      tierVersion: 3,
      granted: false,
    });
    expect(await history()).toEqual(['REGISTERED REGULAR', 'GRANT DIAMOND', 'GRANT_EXPIRED REGULAR', 'UPGRADE SILVER']);
  });

  it.each([
    ['a negative spend', { spendFen: -1 }, 'spend_fen must be ≥ 0'],
    ['a fractional spend', { spendFen: 1.5 }, 'spend_fen must be ≥ 0'],
    ['a spend beyond exact integers', { spendFen: 2 ** 53 }, 'spend_fen must be ≥ 0'],
    ['negative purchases', { purchases: -1 }, 'purchases must be ≥ 0'],
    ['fractional purchases', { purchases: 0.5 }, 'purchases must be ≥ 0'],
    ['no date', { asOf: new Date(Number.NaN) }, 'as_of_epoch_ms is required'],
    ['the epoch as date', { asOf: new Date(0) }, 'as_of_epoch_ms is required'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_label, change, message) => {
    await expectRefused(() => recordActivity(db.dataSource, { ...activity(3_000, 5), ...change }, onMilestone, day(1)), {
      code: 'BAD_USER_INPUT',
      message,
    });
  });

  it('answers NOT_FOUND for an unknown member and writes nothing', async () => {
    await expectRefused(() => recordActivity(db.dataSource, activity(3_000, 5, day(1), 'no-such-member'), onMilestone, day(1)), {
      code: 'NOT_FOUND',
      message: 'no member no-such-member',
    });
  });
});

describe('reevaluateMember (the yearly run)', () => {
  const gold = async () => {
    await recordActivity(db.dataSource, activity(10_000, 15, day(1)), onMilestone, day(1));
  };

  it('steps down at most one tier when the year fell short', async () => {
    await gold();
    expect(await reevaluateMember(db.dataSource, activity(0, 0, day(2)), '2026', onMilestone, day(2))).toMatchObject({
      memberId,
      tierId: 'SILVER',
      changed: true,
    });
    expect(await reload()).toMatchObject({ tierId: 'SILVER', reevaluatedCycle: '2026', spend12mFen: 0, purchases12m: 0 });
    expect((await history()).at(-1)).toBe('REEVALUATION SILVER');
  });

  it('runs once per cycle: a re-run of the same year changes nothing', async () => {
    await gold();
    await reevaluateMember(db.dataSource, activity(0, 0, day(2)), '2026', onMilestone, day(2));
    expect(await reevaluateMember(db.dataSource, activity(0, 0, day(3)), '2026', onMilestone, day(3))).toMatchObject({
      memberId,
      tierId: 'SILVER',
      changed: false,
    });
    expect((await history()).filter((h) => h.startsWith('REEVALUATION'))).toHaveLength(1);
    expect(await reevaluateMember(db.dataSource, activity(0, 0, day(4)), '2027', onMilestone, day(4))).toMatchObject({
      memberId,
      tierId: 'REGULAR',
      changed: true,
    });
  });

  it('keeps a tier the year still qualifies for, and moves up to what it qualifies for', async () => {
    await gold();
    expect(await reevaluateMember(db.dataSource, activity(10_000, 15, day(2)), '2026', onMilestone, day(2))).toMatchObject({
      memberId,
      tierId: 'GOLD',
      changed: false,
    });
    expect(await reevaluateMember(db.dataSource, activity(30_000, 30, day(3)), '2027', onMilestone, day(3))).toMatchObject({
      memberId,
      tierId: 'DIAMOND',
      changed: true,
    });
    // Reaching the top tier at the yearly run is an achievement too.
    expect(reached.map((m) => m.kind)).toContain('FIRST_TOP_TIER');
  });

  it('leaves a grant in force alone but marks the cycle done', async () => {
    await grant('GOLD', day(0), day(30));
    expect(await reevaluateMember(db.dataSource, activity(0, 0, day(2)), '2026', onMilestone, day(2))).toMatchObject({
      memberId,
      tierId: 'GOLD',
      changed: false,
    });
    expect(await reload()).toMatchObject({ tierId: 'GOLD', tierSource: 'GRANTED', reevaluatedCycle: '2026' });
  });

  it('ends an expired grant first and re-evaluates from the earned tier', async () => {
    await gold();
    await grant('DIAMOND', day(2), day(3));
    expect(await reevaluateMember(db.dataSource, activity(0, 0, day(4)), '2026', onMilestone, day(4))).toMatchObject({
      memberId,
      tierId: 'SILVER',
      changed: true,
    });
    expect((await history()).slice(-2)).toEqual(['GRANT_EXPIRED GOLD', 'REEVALUATION SILVER']);
  });

  it.each(['26', '2026-27', 'next', ''])('refuses the cycle %p with BAD_USER_INPUT and writes nothing', async (cycle) => {
    await expectRefused(() => reevaluateMember(db.dataSource, activity(0, 0), cycle, onMilestone, day(1)), {
      code: 'BAD_USER_INPUT',
      message: 'cycle must be a year such as 2026',
    });
  });

  it('refuses bad figures and unknown members like recordActivity, writing nothing', async () => {
    await expectRefused(() => reevaluateMember(db.dataSource, activity(-1, 0), '2026', onMilestone, day(1)), { code: 'BAD_USER_INPUT' });
    await expectRefused(() => reevaluateMember(db.dataSource, activity(0, 0, day(1), 'nobody'), '2026', onMilestone, day(1)), {
      code: 'NOT_FOUND',
    });
  });
});

// The refund rule, on dates of its own: each test puts the registration before them.
const REFUND_T0 = new Date('2026-06-01T02:00:00Z');
const refundDay = (n: number) => new Date(REFUND_T0.getTime() + n * 86_400_000);
const noMilestones = async () => undefined;
const report = (memberId: string, cny: number, purchases: number, at: Date, refundedOrdersAt?: Date[]) =>
  recordActivity(db.dataSource, { memberId, spendFen: cny * 100, purchases, asOf: at, refundedOrdersAt }, noMilestones, at);
const tierOf = async (id: string) =>
  (await db.dataSource.query('SELECT tier_id AS tier, tier_source AS source FROM members WHERE id = ?', [id]))[0];
const lastChange = async (id: string) =>
  (await db.dataSource.query('SELECT from_tier, to_tier, reason FROM tier_history WHERE member_id = ? ORDER BY at DESC LIMIT 1', [id]))[0];
/** Registration is stamped with the clock: put it before the dated reports of a test. */
const registeredLongAgo = () => db.dataSource.query("UPDATE tier_history SET at = '2025-01-01 00:00:00.000'");

describe('recordActivity after refunds', () => {
  it('buy 30,000, reach Diamond, refund it all within the window: back to Regular at once, reason REFUND', async () => {
    const { id } = await newMember(db.dataSource);
    await registeredLongAgo();
    expect(await report(id, 30_000, 30, refundDay(0))).toMatchObject({ tierId: 'DIAMOND', changed: true });
    expect(await report(id, 0, 0, refundDay(29), [refundDay(0)])).toMatchObject({ memberId: id, tierId: 'REGULAR', changed: true });
    expect(await tierOf(id)).toEqual({ tier: 'REGULAR', source: 'EARNED' });
    expect(await lastChange(id)).toEqual({ from_tier: 'DIAMOND', to_tier: 'REGULAR', reason: 'REFUND' });
  });

  it('returns to what the remaining activity earns, not below', async () => {
    const { id } = await newMember(db.dataSource);
    await registeredLongAgo();
    await report(id, 30_000, 30, refundDay(0));
    expect(await report(id, 12_000, 16, refundDay(3), [refundDay(0)])).toMatchObject({ tierId: 'GOLD', changed: true });
  });

  it('leaves a tier reached after the refunded order’s window, which only the yearly run re-evaluates', async () => {
    const { id } = await newMember(db.dataSource);
    await registeredLongAgo();
    await report(id, 3_000, 5, refundDay(40));
    expect(await report(id, 2_400, 4, refundDay(41), [refundDay(0)])).toMatchObject({ tierId: 'SILVER', changed: false });
    expect(await lastChange(id)).toMatchObject({ reason: 'UPGRADE' });
  });

  it('never touches a staff grant, and the window is configurable', async () => {
    const { id } = await newMember(db.dataSource);
    await registeredLongAgo();
    await report(id, 3_000, 5, refundDay(0));
    await grantTier(db.dataSource, { memberId: id, tierId: 'GOLD', reason: 'VIP complaint resolution' }, 'staff:op', refundDay(1));
    expect(await report(id, 0, 0, refundDay(2), [refundDay(0)])).toMatchObject({ tierId: 'GOLD', changed: false });
    expect(await tierOf(id)).toEqual({ tier: 'GOLD', source: 'GRANTED' });

    const { id: other } = await newMember(db.dataSource);
    await registeredLongAgo();
    await report(other, 3_000, 5, refundDay(10));
    const narrow = await recordActivity(
      db.dataSource,
      { memberId: other, spendFen: 0, purchases: 0, asOf: refundDay(20), refundedOrdersAt: [refundDay(0)] },
      noMilestones,
      refundDay(20),
      { ...DEFAULT_TIER_RULES, returnWindowDays: 7 },
    );
    expect(narrow).toMatchObject({ tierId: 'SILVER', changed: false });
  });
});
