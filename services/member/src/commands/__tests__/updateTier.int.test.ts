import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { memberSchema } from '../../db/data-source';
import { TierVersion } from '../../db/entities/TierVersion';
import { loadLadder, sharedLadder } from '../../db/ladder';
import { updateTier } from '../updateTier';

let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(memberSchema);
});
afterAll(() => db.close());

const NOW = new Date('2026-11-30T08:00:00Z');
const ACTOR = 'staff:admin-1';

describe('updateTier', () => {
  it('adds a version from effectiveFrom: the ladder before it is unchanged, after it has the edit', async () => {
    const edited = await updateTier(
      db.dataSource,
      { id: 'GOLD', input: { multiplier: '1.6', spendThreshold: '12000' }, reason: 'yearly review', effectiveFrom: '2027-01-01T00:00:00Z' },
      ACTOR,
      NOW,
    );
    expect(edited).toMatchObject({ id: 'GOLD', multiplierMilli: 1600, spendThresholdFen: 1_200_000 });
    const gold = (at: string) => loadLadder(db.dataSource, new Date(at)).then((ladder) => ladder.find((t) => t.id === 'GOLD'));
    expect(await gold('2026-12-31T23:59:59Z')).toMatchObject({ multiplierMilli: 1500, spendThresholdFen: 1_000_000 });
    expect(await gold('2027-01-01T00:00:00Z')).toMatchObject({ multiplierMilli: 1600, spendThresholdFen: 1_200_000 });
    const version = await db.dataSource.getRepository(TierVersion).findOneByOrFail({ tierId: 'GOLD', createdBy: ACTOR });
    expect(version).toMatchObject({ reason: 'yearly review', effectiveFrom: new Date('2027-01-01T00:00:00Z'), createdAt: NOW });
  });

  it('takes effect now when no effectiveFrom is given', async () => {
    await updateTier(db.dataSource, { id: 'SILVER', input: { name: 'Silver 銀卡' }, reason: 'rename' }, ACTOR, NOW);
    const name = async (at: Date) => (await loadLadder(db.dataSource, at)).find((t) => t.id === 'SILVER')?.name;
    expect(await name(NOW)).toBe('Silver 銀卡');
    expect(await name(new Date(NOW.getTime() - 1))).not.toBe('Silver 銀卡');
  });

  it("is what the graph's shared ladder shows at once, at every instant, the edit read before included", async () => {
    const at = [NOW, new Date('2027-01-01T00:00:00Z'), new Date('2027-06-01T00:00:00Z')];
    for (const when of at) expect(await sharedLadder(db.dataSource, when)).toEqual(await loadLadder(db.dataSource, when));
    await updateTier(
      db.dataSource,
      { id: 'REGULAR', input: { name: 'Regular 普卡' }, reason: 'rename', effectiveFrom: '2027-03-01T00:00:00Z' },
      ACTOR,
      NOW,
    );
    // No wait for the shared value's TTL: the write cleared it.
    for (const when of at) expect(await sharedLadder(db.dataSource, when)).toEqual(await loadLadder(db.dataSource, when));
    expect((await sharedLadder(db.dataSource, at[2])).find((t) => t.id === 'REGULAR')?.name).toBe('Regular 普卡');
  });

  it('allows a minute of clock skew in effectiveFrom', async () => {
    const skewed = new Date(NOW.getTime() - 59_000);
    await updateTier(
      db.dataSource,
      { id: 'DIAMOND', input: { name: 'Diamond 2' }, reason: 'rename', effectiveFrom: skewed.toISOString() },
      ACTOR,
      NOW,
    );
    expect((await loadLadder(db.dataSource, skewed)).find((t) => t.id === 'DIAMOND')?.name).toBe('Diamond 2');
  });

  it.each([
    ['reason', 'BAD_USER_INPUT', { id: 'GOLD', input: { name: 'Gold' }, reason: '  ab ' }],
    ['effectiveFrom', 'BAD_USER_INPUT', { id: 'GOLD', input: { name: 'Gold' }, reason: 'a reason', effectiveFrom: '2026-11-30T07:58:00Z' }],
    ['effectiveFrom', 'BAD_USER_INPUT', { id: 'GOLD', input: { name: 'Gold' }, reason: 'a reason', effectiveFrom: 'tomorrow' }],
    ['id', 'NOT_FOUND', { id: 'PLATINUM', input: { name: 'Platinum' }, reason: 'a reason' }],
    ['multiplier', 'BAD_USER_INPUT', { id: 'GOLD', input: { multiplier: '0.05' }, reason: 'a reason' }],
    ['input', 'BAD_USER_INPUT', { id: 'SILVER', input: { spendThreshold: '999999' }, reason: 'a reason' }],
  ])('refuses a bad %s with %s, writing nothing', async (field, code, input) => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(updateTier(db.dataSource, input, ACTOR, NOW)).rejects.toMatchObject({ code, details: { field } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
