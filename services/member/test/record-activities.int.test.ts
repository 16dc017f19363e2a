import fc from 'fast-check';
import { In, type DataSource } from 'typeorm';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { newMember } from '../src/commands/__tests__/memberFixture';
import { changeTier } from '../src/commands/changeTier';
import type { ReachedMilestone } from '../src/commands/milestones';
import { fillTopTierSeats } from '../src/commands/topTier';
import {
  DEFAULT_TIER_RULES,
  recordActivities,
  recordActivity,
  recordActivityLocked,
  type Activity,
  type TierRules,
} from '../src/commands/recordActivity';
import { storeFigures } from '../src/db/activityBatch';
import { memberSchema } from '../src/db/data-source';
import { Member } from '../src/db/entities/Member';
import { TierChange } from '../src/db/entities/TierChange';

/**
 * The batched activity report (RecordQualifyingActivities) on the database the suite runs on
 * (SQLite, or MySQL with DATABASE_URL): each report decided as the single report decides it,
 * older reports never overwriting newer figures even across concurrent batches, and a batch of
 * reports that change nothing but the figures costing the same few statements however many.
 */
let dataSource: DataSource;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ dataSource, close: stop } = await openServiceTestDatabase(memberSchema));
});
afterAll(() => stop?.());

const T0 = new Date('2026-06-01T02:00:00Z');
const day = (n: number) => new Date(T0.getTime() + n * 86_400_000);
const report = (memberId: string, cny: number, purchases: number, asOf: Date, refundedOrdersAt?: Date[]): Activity => ({
  memberId,
  spendFen: cny * 100,
  purchases,
  asOf,
  refundedOrdersAt,
});
let reached: ReachedMilestone[] = [];
const onMilestone = (milestone: ReachedMilestone) => void reached.push(milestone);
const statements = () => (dataSource.logger as unknown as { count: number }).count;
const members = async (n: number) => {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) ids.push((await newMember(dataSource)).id);
  // Registration is stamped with the clock: put it before the dated reports.
  await dataSource.getRepository(TierChange).update({ memberId: In(ids) }, { at: new Date('2025-01-01T00:00:00Z') });
  return ids;
};
const stateOf = async (id: string) => {
  const m = await dataSource.getRepository(Member).findOneByOrFail({ id });
  return {
    tierId: m.tierId,
    tierSource: m.tierSource,
    spend12mFen: m.spend12mFen,
    purchases12m: m.purchases12m,
    activityAsOf: m.activityAsOf,
  };
};
/** The tier history in time order; changes of one instant (a grant's end and the upgrade after it) by what they say. */
const historyOf = async (id: string) =>
  (await dataSource.getRepository(TierChange).find({ where: { memberId: id } }))
    .map((c) => ({ at: c.at.getTime(), text: `${c.reason} ${c.fromTier ?? '-'}→${c.toTier}` }))
    .sort((a, b) => a.at - b.at || a.text.localeCompare(b.text))
    .map((c) => c.text);
const milestonesOf = async (id: string) =>
  (await dataSource.query('SELECT kind FROM member_milestones WHERE member_id = ? ORDER BY kind', [id])).map(
    (r: { kind: string }) => r.kind,
  );
const grant = (memberId: string, toTier: string, at: Date, grantExpiresAt: Date | null) =>
  dataSource.transaction(async (manager) => {
    const member = await manager.findOneByOrFail(Member, { id: memberId });
    await changeTier(manager, member, { toTier, reason: 'GRANT', note: 'test', actor: 'staff:s-1', at, grantExpiresAt });
  });

beforeEach(() => {
  reached = [];
});

describe('recordActivities', () => {
  // First in the file: the cap is a share of every member in the database.
  it('never seats more than a capped top tier gives when concurrent batches cross its thresholds', async () => {
    const ids = await members(40);
    const capped: TierRules = { ...DEFAULT_TIER_RULES, topTier: { maxSharePpm: 100_000, invitationOnly: false } }; // 4 seats of 40
    const holders = async () => Number((await dataSource.query("SELECT COUNT(*) AS n FROM members WHERE tier_id = 'DIAMOND'"))[0].n);
    const qualifying = ids.slice(0, 12);
    // Three batches at once, each with members that qualify for Diamond and members that change nothing.
    const batches = [0, 1, 2].map((b) => [
      ...qualifying.filter((_, i) => i % 3 === b).map((id, i) => report(id, 30_000 + b * 1_000 + i * 100, 30, day(1))),
      ...ids.slice(12 + b * 9, 21 + b * 9).map((id) => report(id, 100, 1, day(1))),
    ]);
    await Promise.all([
      ...batches.map((batch) => recordActivities(dataSource, batch, onMilestone, day(1), capped)),
      fillTopTierSeats(dataSource, capped.topTier, day(1)),
    ]);
    expect(await holders()).toBe(4);
    expect(Number((await dataSource.query("SELECT COUNT(*) AS n FROM tier_history WHERE to_tier = 'DIAMOND'"))[0].n)).toBe(4);
    const seated: string[] = (await dataSource.query("SELECT id FROM members WHERE tier_id = 'DIAMOND'")).map((r: { id: string }) => r.id);
    // The others wait one step below; the members that changed nothing stay as they were.
    expect(Number((await dataSource.query("SELECT COUNT(*) AS n FROM members WHERE tier_id = 'GOLD'"))[0].n)).toBe(8);

    // The holders refund everything in one batch, the others wait: the freed seats go to the line.
    const waiting = qualifying.filter((id) => !seated.includes(id));
    await Promise.all([
      recordActivities(
        dataSource,
        seated.map((id) => report(id, 0, 0, day(2), [day(1)])),
        onMilestone,
        day(2),
        capped,
      ),
      recordActivities(
        dataSource,
        waiting.map((id, i) => report(id, 31_000 + i * 100, 31, day(2))),
        onMilestone,
        day(2),
        capped,
      ),
    ]);
    expect(await holders()).toBe(4);
    const now: string[] = (await dataSource.query("SELECT id FROM members WHERE tier_id = 'DIAMOND'")).map((r: { id: string }) => r.id);
    expect(now.filter((id) => seated.includes(id))).toEqual([]);
  });

  it('decides a mixed batch as each report alone: upgrade, no change, stale, refund undo, grant ended, capped top tier', async () => {
    const [up, same, stale, refunded, granted, capped] = await members(6);
    // Before the batch: figures already held, a tier to undo, a grant that has ended by day 10.
    await recordActivity(dataSource, report(same, 100, 1, day(1)), onMilestone, day(1));
    await recordActivity(dataSource, report(stale, 100, 1, day(5)), onMilestone, day(5));
    await recordActivity(dataSource, report(refunded, 10_000, 15, day(2)), onMilestone, day(2));
    await grant(granted, 'DIAMOND', day(3), day(9));
    // Seats at the top: none (1 ppm of so few members).
    const rules: TierRules = { ...DEFAULT_TIER_RULES, topTier: { maxSharePpm: 1, invitationOnly: false } };
    reached = [];

    const decisions = await recordActivities(
      dataSource,
      [
        report(up, 3_000, 5, day(10)),
        report(same, 200, 2, day(10)),
        report(stale, 50_000, 50, day(4)),
        report(refunded, 0, 0, day(10), [day(2)]),
        report(granted, 3_000, 5, day(10)),
        report(capped, 30_000, 30, day(10)),
      ],
      onMilestone,
      day(10),
      rules,
    );
    expect(decisions).toMatchObject([
      { memberId: up, tierId: 'SILVER', changed: true },
      { memberId: same, tierId: 'REGULAR', changed: false },
      { memberId: stale, tierId: 'REGULAR', changed: false },
      { memberId: refunded, tierId: 'REGULAR', changed: true },
      // The grant ended first (back to Regular), then the report upgraded from there.
      { memberId: granted, tierId: 'SILVER', changed: true },
      // Diamond's figures, no seat at the top: the highest tier below it they qualify for.
      { memberId: capped, tierId: 'GOLD', changed: true },
    ]);
    // Each answer carries the member's tier facts as they now stand, for points' copy of the tier.
    for (const decision of decisions) {
      const row = await dataSource.getRepository(Member).findOneByOrFail({ id: decision.memberId });
      const granted = row.tierSource === 'GRANTED';
      expect(decision).toEqual({
        memberId: row.id,
        tierId: row.tierId,
        changed: decision.changed,
        tierVersion: Number(row.tierVersion),
        granted,
        grantExpiresAt: granted ? row.grantExpiresAt : null,
      });
    }
    // One version a change: the upgrade 1; the refund's member up and back 2; the granted member's grant, its end and the upgrade 3; the capped one 1.
    expect(decisions.map((d) => d.tierVersion)).toEqual([1, 0, 0, 2, 3, 1]);
    expect(await stateOf(same)).toMatchObject({ tierId: 'REGULAR', spend12mFen: 20_000, purchases12m: 2, activityAsOf: day(10) });
    expect(await stateOf(stale)).toMatchObject({ spend12mFen: 10_000, purchases12m: 1, activityAsOf: day(5) });
    expect(await historyOf(refunded)).toEqual(['REGISTERED -→REGULAR', 'UPGRADE REGULAR→GOLD', 'REFUND GOLD→REGULAR']);
    expect(await historyOf(granted)).toEqual([
      'REGISTERED -→REGULAR',
      'GRANT REGULAR→DIAMOND',
      'GRANT_EXPIRED DIAMOND→REGULAR',
      'UPGRADE REGULAR→SILVER',
    ]);
    expect(await historyOf(capped)).toEqual(['REGISTERED -→REGULAR', 'UPGRADE REGULAR→GOLD']);
    // 30 purchases: the twelfth-purchase milestone, without the top tier's.
    expect(reached.map((m) => [m.memberId, m.kind])).toEqual([[capped, 'TWELFTH_PURCHASE']]);
  });

  it('reaches a purchase milestone without a tier change, once, and the top tier’s milestone of a seated member', async () => {
    const [buyer, seated] = await members(2);
    await recordActivity(dataSource, report(buyer, 10_000, 15, day(1)), onMilestone, day(1));
    expect(reached.map((m) => m.kind)).toEqual(['TWELFTH_PURCHASE']);
    // Seated at the top by staff's hand, not by a report (as a freed seat gives it): earned, no milestone yet.
    await dataSource.transaction(async (manager) => {
      const member = await manager.findOneByOrFail(Member, { id: seated });
      await changeTier(manager, member, { toTier: 'DIAMOND', reason: 'UPGRADE', note: 'test', actor: 'system', at: day(1) });
    });
    reached = [];
    const decisions = await recordActivities(
      dataSource,
      [report(buyer, 10_100, 16, day(2)), report(seated, 100, 1, day(2))],
      onMilestone,
      day(2),
    );
    expect(decisions).toMatchObject([
      { memberId: buyer, tierId: 'GOLD', changed: false },
      { memberId: seated, tierId: 'DIAMOND', changed: false },
    ]);
    expect(reached.map((m) => [m.memberId, m.kind])).toEqual([[seated, 'FIRST_TOP_TIER']]);
    reached = [];
    await recordActivities(dataSource, [report(buyer, 10_200, 17, day(3)), report(seated, 200, 2, day(3))], onMilestone, day(3));
    expect(reached).toEqual([]);
    expect(await milestonesOf(buyer)).toEqual(['TWELFTH_PURCHASE']);
    expect(await milestonesOf(seated)).toEqual(['FIRST_TOP_TIER']);
  });

  it('a refund’s report that arrives after a newer report without the refund still takes the tier back, by the figures held', async () => {
    const [single, batched] = await members(2);
    for (const id of [single, batched]) {
      // Gold by a purchase on day 2, within its return window.
      await recordActivity(dataSource, report(id, 10_000, 15, day(2)), onMilestone, day(2));
      // A later earn's report, sent after the answer and read after the refund (so without the refunded
      // order), arrives first: figures only, never a step down.
      await recordActivity(dataSource, report(id, 100, 1, day(4)), onMilestone, day(4));
    }
    // The refund's own report, stamped before that one, arrives last: single and batched alike.
    const alone = await recordActivity(dataSource, report(single, 100, 1, day(3), [day(2)]), onMilestone, day(4));
    const [inBatch] = await recordActivities(dataSource, [report(batched, 100, 1, day(3), [day(2)])], onMilestone, day(4));
    for (const [id, decision] of [
      [single, alone],
      [batched, inBatch],
    ] as const) {
      expect(decision).toMatchObject({ memberId: id, tierId: 'REGULAR', changed: true });
      expect(await historyOf(id)).toEqual(['REGISTERED -→REGULAR', 'UPGRADE REGULAR→GOLD', 'REFUND GOLD→REGULAR']);
      // The newer figures stay.
      expect(await stateOf(id)).toMatchObject({ spend12mFen: 10_000, purchases12m: 1, activityAsOf: day(4) });
    }
  });

  it('applies a member named twice in one batch in order, the newer figures staying', async () => {
    const [id] = await members(1);
    const decisions = await recordActivities(
      dataSource,
      [report(id, 3_000, 5, day(2)), report(id, 10_000, 15, day(1)), report(id, 3_100, 6, day(3))],
      onMilestone,
      day(3),
    );
    expect(decisions).toMatchObject([
      { memberId: id, tierId: 'SILVER', changed: true },
      { memberId: id, tierId: 'SILVER', changed: false },
      { memberId: id, tierId: 'SILVER', changed: false },
    ]);
    expect(await stateOf(id)).toMatchObject({ spend12mFen: 310_000, purchases12m: 6, activityAsOf: day(3) });
  });

  it('refuses a batch with a bad report or an unknown member, writing nothing', async () => {
    const [id] = await members(1);
    const before = await stateOf(id);
    await expect(
      recordActivities(dataSource, [report(id, 100, 1, day(1)), report('no-such-member', 100, 1, day(1))], onMilestone, day(1)),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'no member no-such-member' });
    await expect(
      recordActivities(dataSource, [report(id, 100, 1, day(1)), report(id, -1, 1, day(1))], onMilestone, day(1)),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const tooMany = Array.from({ length: 501 }, () => report(id, 100, 1, day(1)));
    await expect(recordActivities(dataSource, tooMany, onMilestone, day(1))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'at most 500 reports at once',
    });
    expect(await stateOf(id)).toEqual(before);
  });

  it('answers as the tier engine does for each report alone, in order (fast-check)', async () => {
    const reportOf = fc.record({
      cny: fc.integer({ min: 0, max: 40_000 }),
      purchases: fc.integer({ min: 0, max: 40 }),
      dayOf: fc.integer({ min: 1, max: 40 }),
      refund: fc.boolean(),
      slot: fc.integer({ min: 0, max: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(reportOf, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }), async (batches) => {
        const batched = await members(4);
        const single = await members(4);
        // Decisions and milestones with each member named by its place, so the two sets compare.
        const byPlace = (ids: string[]) => (d: { memberId: string }) => ({ ...d, memberId: String(ids.indexOf(d.memberId)) });
        const milestones = { batched: [] as ReachedMilestone[], single: [] as ReachedMilestone[] };
        for (const [b, batch] of batches.entries()) {
          const at = day(50 + b);
          const reports = (ids: string[]) =>
            batch.map((r) => report(ids[r.slot], r.cny, r.purchases, day(r.dayOf), r.refund ? [day(r.dayOf - 1)] : undefined));
          const got = await recordActivities(dataSource, reports(batched), (m) => void milestones.batched.push(m), at);
          const want = [];
          // The single report as it ran before the batch: the tier engine's transaction, then the seats.
          for (const r of reports(single)) {
            want.push(await recordActivityLocked(dataSource, r, (m) => void milestones.single.push(m), at, DEFAULT_TIER_RULES));
            await fillTopTierSeats(dataSource, DEFAULT_TIER_RULES.topTier, at);
          }
          expect(got.map(byPlace(batched))).toEqual(want.map(byPlace(single)));
        }
        expect(milestones.batched.map(byPlace(batched))).toEqual(milestones.single.map(byPlace(single)));
        for (let i = 0; i < 4; i += 1) {
          expect(await stateOf(batched[i])).toEqual(await stateOf(single[i]));
          expect(await historyOf(batched[i])).toEqual(await historyOf(single[i]));
          expect(await milestonesOf(batched[i])).toEqual(await milestonesOf(single[i]));
        }
      }),
      { numRuns: 12 },
    );
  });

  it('keeps the newest figures when two batches report one member at once with different dates', async () => {
    for (let round = 0; round < 6; round += 1) {
      const ids = await members(6);
      // Half the newer reports cross Silver's thresholds (the locked path), racing the older figures' UPDATE.
      const older = ids.map((id, i) => report(id, 100 + i, 1, day(1)));
      const newer = ids.map((id, i) => (i % 2 ? report(id, 200 + i, 2, day(2)) : report(id, 3_000 + i, 5, day(2))));
      await Promise.all([
        recordActivities(dataSource, round % 2 ? older : newer, onMilestone, day(2)),
        recordActivities(dataSource, round % 2 ? newer : older, onMilestone, day(2)),
        recordActivity(dataSource, older[round % ids.length], onMilestone, day(2)),
      ]);
      for (const [i, id] of ids.entries()) {
        const { spendFen, purchases } = newer[i];
        expect(await stateOf(id)).toMatchObject({
          tierId: i % 2 ? 'REGULAR' : 'SILVER',
          spend12mFen: spendFen,
          purchases12m: purchases,
          activityAsOf: day(2),
        });
      }
    }
  });

  it('stores no figures of a member changed since the read (its tier, a newer report): the guard in the statement', async () => {
    const [moved, newer, same] = await members(3);
    await recordActivity(dataSource, report(newer, 100, 1, day(3)), onMilestone, day(3));
    const figures = (memberId: string, cny: number, asOf: Date, tierId = 'REGULAR') => ({
      memberId,
      spendFen: cny * 100,
      purchases: 1,
      asOf,
      tierId,
      tierSource: 'EARNED' as const,
    });
    // Judged at Silver, but holding Regular; judged before a newer report arrived; as judged.
    expect(
      await storeFigures(
        dataSource,
        [figures(moved, 200, day(2), 'SILVER'), figures(newer, 200, day(2)), figures(same, 200, day(2))],
        day(2),
      ),
    ).toBe(1);
    expect(await stateOf(moved)).toMatchObject({ spend12mFen: 0, activityAsOf: null });
    expect(await stateOf(newer)).toMatchObject({ spend12mFen: 10_000, activityAsOf: day(3) });
    expect(await stateOf(same)).toMatchObject({ spend12mFen: 20_000, activityAsOf: day(2) });
  });

  it('stores the figures of a batch that changes no tier in three statements, however many members', async () => {
    const counts: number[] = [];
    for (const n of [1, 10, 50]) {
      const ids = await members(n);
      const before = statements();
      const decisions = await recordActivities(
        dataSource,
        ids.map((id, i) => report(id, 100 + i, 1, day(1))),
        onMilestone,
        day(1),
      );
      counts.push(statements() - before);
      expect(decisions.every((d) => !d.changed)).toBe(true);
      expect(await stateOf(ids[n - 1])).toMatchObject({ spend12mFen: (100 + n - 1) * 100, activityAsOf: day(1) });
    }
    // The members with their milestones, the ladder, the guarded UPDATE.
    expect(counts).toEqual([3, 3, 3]);
    const before = statements();
    expect(await recordActivities(dataSource, [], onMilestone, day(1))).toEqual([]);
    expect(statements()).toBe(before);
  });

  it('costs the single report three statements when it changes no tier, and skips an older one in two', async () => {
    const [id] = await members(1);
    let before = statements();
    await recordActivity(dataSource, report(id, 100, 1, day(2)), onMilestone, day(2));
    expect(statements() - before).toBe(3);
    before = statements();
    // A repeat of the same report is stored again, still matched by the guard.
    await recordActivity(dataSource, report(id, 100, 1, day(2)), onMilestone, day(2));
    expect(statements() - before).toBe(3);
    before = statements();
    await recordActivity(dataSource, report(id, 50, 1, day(1)), onMilestone, day(2));
    expect(statements() - before).toBe(2);
    expect(await stateOf(id)).toMatchObject({ spend12mFen: 10_000, activityAsOf: day(2) });
  });
});
