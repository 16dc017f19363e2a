import { openCommandDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { inTransaction, type Logger } from '../../../../kit/src';
import { memberSchema } from '../../db/data-source';
import { Milestone } from '../../db/entities/Milestone';
import { loadLadder, tierById } from '../../db/ladder';
import type { TierRule } from '../../domain/tiers';
import { loggingMilestoneHook, recordMilestones, type ReachedMilestone } from '../milestones';

let db: CommandDatabase;
let ladder: TierRule[];
const memberId = '0b6f3a2e-4c1d-4e8a-9f00-123456789abc';
const at = new Date('2026-03-15T10:00:00.000Z');
const YEAR_MS = 365 * 86_400_000;

beforeEach(async () => {
  db = await openCommandDatabase(memberSchema);
  ladder = await loadLadder(db.dataSource);
});
afterEach(() => db.close());

const record = (state: { tier: string; purchases12m: number; earned: boolean }, when = at) =>
  inTransaction(db.dataSource, (manager) =>
    recordMilestones(
      manager,
      memberId,
      { tier: tierById(ladder, state.tier), ladder, purchases12m: state.purchases12m, earned: state.earned },
      when,
    ),
  );
const stored = () => db.dataSource.getRepository(Milestone).find({ where: { memberId }, order: { at: 'ASC' } });

describe('recordMilestones', () => {
  it('records FIRST_TOP_TIER the first time the top tier is earned, and never again', async () => {
    expect(await record({ tier: 'DIAMOND', purchases12m: 3, earned: true })).toEqual([
      { memberId, kind: 'FIRST_TOP_TIER', period: '', at },
    ]);
    expect(await record({ tier: 'DIAMOND', purchases12m: 3, earned: true }, new Date(at.getTime() + 2 * YEAR_MS))).toEqual([]);
    expect((await stored()).map((m) => m.kind)).toEqual(['FIRST_TOP_TIER']);
  });

  it('is no achievement when the top tier is granted, or a lower tier is earned', async () => {
    expect(await record({ tier: 'DIAMOND', purchases12m: 3, earned: false })).toEqual([]);
    expect(await record({ tier: 'GOLD', purchases12m: 11, earned: true })).toEqual([]);
    expect(await stored()).toEqual([]);
  });

  it('records TWELFTH_PURCHASE at 12 purchases in the rolling year, under the day it was reached', async () => {
    expect(await record({ tier: 'REGULAR', purchases12m: 12, earned: true })).toEqual([
      { memberId, kind: 'TWELFTH_PURCHASE', period: '20260315', at },
    ]);
    expect(await stored()).toEqual([expect.objectContaining({ kind: 'TWELFTH_PURCHASE', period: '20260315', at })]);
  });

  it('records TWELFTH_PURCHASE at most once in any 365 days, however the purchases go on', async () => {
    await record({ tier: 'REGULAR', purchases12m: 12, earned: true });
    expect(await record({ tier: 'REGULAR', purchases12m: 13, earned: true }, new Date(at.getTime() + 86_400_000))).toEqual([]);
    expect(await record({ tier: 'REGULAR', purchases12m: 20, earned: true }, new Date(at.getTime() + YEAR_MS - 1))).toEqual([]);
    const nextYear = new Date(at.getTime() + YEAR_MS);
    expect(await record({ tier: 'REGULAR', purchases12m: 12, earned: true }, nextYear)).toEqual([
      { memberId, kind: 'TWELFTH_PURCHASE', period: '20270315', at: nextYear },
    ]);
    expect((await stored()).map((m) => m.period)).toEqual(['20260315', '20270315']);
  });

  it('records both milestones when one purchase reaches both', async () => {
    const reached = await record({ tier: 'DIAMOND', purchases12m: 30, earned: true });
    expect(reached.map((m) => m.kind).sort()).toEqual(['FIRST_TOP_TIER', 'TWELFTH_PURCHASE']);
    expect(await stored()).toHaveLength(2);
  });

  it('records nothing below 12 purchases off the top tier', async () => {
    expect(await record({ tier: 'SILVER', purchases12m: 11, earned: true })).toEqual([]);
    expect(await stored()).toEqual([]);
  });

  it('answers a milestone once when two transactions ask for it at once', async () => {
    const both = await Promise.all([
      record({ tier: 'DIAMOND', purchases12m: 1, earned: true }),
      record({ tier: 'DIAMOND', purchases12m: 1, earned: true }),
    ]);
    expect(both.flat()).toHaveLength(1);
    expect(await stored()).toHaveLength(1);
  });

  it('counts the top tier of the ladder in force, whatever its name', async () => {
    const reordered = ladder.map((t) => (t.id === 'GOLD' ? { ...t, rank: 9 } : t));
    const reached = await inTransaction(db.dataSource, (manager) =>
      recordMilestones(manager, memberId, { tier: tierById(reordered, 'GOLD'), ladder: reordered, purchases12m: 0, earned: true }, at),
    );
    expect(reached.map((m) => m.kind)).toEqual(['FIRST_TOP_TIER']);
  });
});

describe('loggingMilestoneHook', () => {
  it('logs the milestone until rewards are configured', async () => {
    const info = jest.fn();
    const milestone: ReachedMilestone = { memberId, kind: 'FIRST_TOP_TIER', period: '', at };
    await loggingMilestoneHook({ info } as unknown as Logger)(milestone);
    expect(info).toHaveBeenCalledWith({ milestone }, expect.stringMatching(/milestone reached/));
  });
});
