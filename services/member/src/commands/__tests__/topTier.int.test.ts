import { openCommandDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { memberSchema as schema } from '../../db/data-source';
import { loadLadder } from '../../db/ladder';
import { placeInLine } from '../../db/topTier';
import { topOf } from '../../domain/scarcity';
import { DEFAULT_TIER_RULES, recordActivity, type TierRules } from '../recordActivity';
import { inviteToTopTier } from '../topTier';
import { newMember } from './memberFixture';

let db: CommandDatabase;
beforeEach(async () => {
  db = await openCommandDatabase(schema);
});
afterEach(() => db.close());

const T0 = new Date('2026-06-01T02:00:00Z');
const noMilestones = async () => undefined;
const CAPPED: TierRules = { ...DEFAULT_TIER_RULES, topTier: { maxSharePpm: 500_000, invitationOnly: false } }; // half of all members
const INVITED: TierRules = { ...DEFAULT_TIER_RULES, topTier: { maxSharePpm: null, invitationOnly: true } };
const report = (memberId: string, cny: number, purchases: number, rules: TierRules, at = T0, refundedOrdersAt?: Date[]) =>
  recordActivity(db.dataSource, { memberId, spendFen: cny * 100, purchases, asOf: at, refundedOrdersAt }, noMilestones, at, rules);
const tierOf = async (id: string) => (await db.dataSource.query('SELECT tier_id FROM members WHERE id = ?', [id]))[0].tier_id;
const place = async (id: string) => {
  const [row] = await db.dataSource.query('SELECT id, spend_12m_fen FROM members WHERE id = ?', [id]);
  const top = topOf(await loadLadder(db.dataSource));
  return placeInLine(db.dataSource.manager, top, { id, spend12mFen: Number(row.spend_12m_fen) });
};

describe('a capped top tier (TOP_TIER_MAX_SHARE)', () => {
  it('admits qualifying members while seats are free; the rest wait in order of 12-month spend and take freed seats in that order', async () => {
    const [a, b, c, d] = await Promise.all([0, 1, 2, 3].map(async () => (await newMember(db.dataSource)).id));
    // 4 members, a 50% cap: 2 seats.
    expect(await report(a, 30_000, 30, CAPPED)).toMatchObject({ tierId: 'DIAMOND' });
    expect(await report(b, 40_000, 30, CAPPED)).toMatchObject({ tierId: 'DIAMOND' });
    expect(await report(c, 35_000, 30, CAPPED)).toMatchObject({ tierId: 'GOLD' });
    expect(await report(d, 50_000, 31, CAPPED)).toMatchObject({ tierId: 'GOLD' });
    expect([await place(d), await place(c)]).toEqual([1, 2]);
    // a's Diamond came with an order now refunded: the seat goes to the first in line, d.
    expect(await report(a, 0, 0, CAPPED, new Date(T0.getTime() + 86_400_000), [T0])).toMatchObject({ tierId: 'REGULAR' });
    expect(await tierOf(d)).toBe('DIAMOND');
    expect(await tierOf(c)).toBe('GOLD');
    expect(await place(c)).toBe(1);
    expect(
      await db.dataSource
        .query("SELECT COUNT(*) AS n FROM members WHERE tier_id = 'DIAMOND'")
        .then((r: Array<{ n: number }>) => Number(r[0].n)),
    ).toBe(2);
  });

  it('is off by default: everyone who qualifies reaches the top', async () => {
    const ids = await Promise.all([0, 1].map(async () => (await newMember(db.dataSource)).id));
    for (const id of ids) expect(await report(id, 30_000, 30, DEFAULT_TIER_RULES)).toMatchObject({ tierId: 'DIAMOND' });
  });
});

describe('an invitation-only top tier (TOP_TIER_INVITATION_ONLY)', () => {
  it('makes a qualifying member eligible, not Diamond; staff invite them (INVITED); others are refused with a code', async () => {
    const { id } = await newMember(db.dataSource);
    const { id: other } = await newMember(db.dataSource);
    expect(await report(id, 30_000, 30, INVITED)).toMatchObject({ tierId: 'GOLD' });
    expect(await place(id)).toBe(1);
    await expect(
      inviteToTopTier(db.dataSource, { memberId: other, reason: 'top client' }, INVITED.topTier, 'staff:op'),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(
      inviteToTopTier(db.dataSource, { memberId: id, reason: 'top client' }, DEFAULT_TIER_RULES.topTier, 'staff:op'),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await inviteToTopTier(db.dataSource, { memberId: id, reason: 'top client of the year' }, INVITED.topTier, 'staff:op', T0);
    expect(await tierOf(id)).toBe('DIAMOND');
    const [last] = await db.dataSource.query('SELECT to_tier, reason, actor FROM tier_history WHERE member_id = ? AND reason = ?', [
      id,
      'INVITED',
    ]);
    expect(last).toEqual({ to_tier: 'DIAMOND', reason: 'INVITED', actor: 'staff:op' });
    await expect(inviteToTopTier(db.dataSource, { memberId: id, reason: 'again' }, INVITED.topTier, 'staff:op')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});
