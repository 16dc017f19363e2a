import { openCommandDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { inTransaction } from '../../../../kit/src';
import { memberSchema } from '../../db/data-source';
import { Member } from '../../db/entities/Member';
import { TierChange } from '../../db/entities/TierChange';
import { changeTier, type TierChangeReason } from '../changeTier';
import { endExpiredGrants, grantEnded, readWithGrantsEnded } from '../endGrants';
import { newMember } from './memberFixture';

let db: CommandDatabase;
// After the registrations (stamped with the real clock), so each member's history reads in order.
const start = Date.now() + 60_000;
const day = (n: number) => new Date(start + n * 86_400_000);

/** A fresh database for each test of the describe blocks that write. */
function withDatabase(): void {
  beforeEach(async () => {
    db = await openCommandDatabase(memberSchema);
  });
  afterEach(() => db.close());
}

const members = () => db.dataSource.getRepository(Member);
const reload = (id: string) => members().findOneByOrFail({ id });
const reasons = async (id: string) =>
  (await db.dataSource.getRepository(TierChange).find({ where: { memberId: id }, order: { at: 'ASC' } })).map(
    (r) => `${r.reason} ${r.toTier}`,
  );

async function register(): Promise<string> {
  return (await newMember(db.dataSource)).id;
}

async function move(id: string, toTier: string, reason: TierChangeReason, at: Date, grantExpiresAt: Date | null = null): Promise<void> {
  await inTransaction(db.dataSource, async (manager) => {
    const member = await manager.findOneByOrFail(Member, { id });
    await changeTier(manager, member, { toTier, reason, note: 'test', actor: 'staff:s-1', at, grantExpiresAt });
  });
}

describe('grantEnded', () => {
  const now = day(10);
  it.each([
    ['a grant past its expiry has ended', { tierSource: 'GRANTED', grantExpiresAt: day(9) }, true],
    ['a grant at its expiry has ended', { tierSource: 'GRANTED', grantExpiresAt: now }, true],
    ['a grant before its expiry has not', { tierSource: 'GRANTED', grantExpiresAt: day(11) }, false],
    ['a grant without expiry never ends', { tierSource: 'GRANTED', grantExpiresAt: null }, false],
    ['an earned tier is no grant', { tierSource: 'EARNED', grantExpiresAt: day(9) }, false],
  ] as const)('%s', (_label, member, ended) => {
    expect(grantEnded(member, now)).toBe(ended);
  });
});

describe('endExpiredGrants', () => {
  withDatabase();

  it('takes an expired grant back to the tier held before it, once, recorded as GRANT_EXPIRED by the system', async () => {
    const id = await register();
    await move(id, 'SILVER', 'UPGRADE', day(1));
    await move(id, 'DIAMOND', 'GRANT', day(2), day(5));
    expect(await endExpiredGrants(db.dataSource, day(6))).toBe(1);
    expect(await reload(id)).toMatchObject({ tierId: 'SILVER', tierSource: 'EARNED', grantExpiresAt: null, tierSince: day(6) });
    expect(await reasons(id)).toEqual(['REGISTERED REGULAR', 'UPGRADE SILVER', 'GRANT DIAMOND', 'GRANT_EXPIRED SILVER']);
    const ended = await db.dataSource.getRepository(TierChange).findOneByOrFail({ memberId: id, reason: 'GRANT_EXPIRED' });
    expect(ended).toMatchObject({ fromTier: 'DIAMOND', actor: 'system', note: 'staff grant expired', at: day(6) });
    // Exactly once: a second sweep finds nothing to end.
    expect(await endExpiredGrants(db.dataSource, day(7))).toBe(0);
    expect(await reasons(id)).toHaveLength(4);
  });

  it('goes back past several grants in a row to the tier before the first of them', async () => {
    const id = await register();
    await move(id, 'SILVER', 'UPGRADE', day(1));
    await move(id, 'GOLD', 'GRANT', day(2), day(20));
    await move(id, 'DIAMOND', 'GRANT', day(3), day(5));
    await endExpiredGrants(db.dataSource, day(6));
    expect(await reload(id)).toMatchObject({ tierId: 'SILVER', tierSource: 'EARNED' });
  });

  it('goes higher than before the grant when the member’s 12 months now qualify for more', async () => {
    const id = await register();
    await move(id, 'DIAMOND', 'GRANT', day(1), day(5));
    await members().update({ id }, { spend12mFen: 1_000_000, purchases12m: 15 }); // 10,000 CNY and 15 purchases: Gold
    await endExpiredGrants(db.dataSource, day(6));
    expect(await reload(id)).toMatchObject({ tierId: 'GOLD', tierSource: 'EARNED' });
  });

  it('leaves alone grants still in force, grants without expiry and earned tiers', async () => {
    const running = await register();
    await move(running, 'GOLD', 'GRANT', day(1), day(30));
    const open = await register();
    await move(open, 'GOLD', 'GRANT', day(1), null);
    const earned = await register();
    await move(earned, 'GOLD', 'UPGRADE', day(1));
    expect(await endExpiredGrants(db.dataSource, day(6))).toBe(0);
    for (const id of [running, open]) expect(await reload(id)).toMatchObject({ tierId: 'GOLD', tierSource: 'GRANTED' });
    expect(await reload(earned)).toMatchObject({ tierId: 'GOLD', tierSource: 'EARNED' });
  });

  it('ends only the given members’ grants when asked for some', async () => {
    const [a, b] = [await register(), await register()];
    for (const id of [a, b]) await move(id, 'GOLD', 'GRANT', day(1), day(2));
    expect(await endExpiredGrants(db.dataSource, day(3), [b])).toBe(1);
    expect(await reload(a)).toMatchObject({ tierId: 'GOLD', tierSource: 'GRANTED' });
    expect(await reload(b)).toMatchObject({ tierId: 'REGULAR', tierSource: 'EARNED' });
  });

  it('ends a grant once however many sweeps race', async () => {
    const id = await register();
    await move(id, 'GOLD', 'GRANT', day(1), day(2));
    const ended = await Promise.all([1, 2, 3].map(() => endExpiredGrants(db.dataSource, day(3))));
    expect(ended.reduce((a, b) => a + b)).toBe(1);
    expect((await reasons(id)).filter((r) => r.startsWith('GRANT_EXPIRED'))).toHaveLength(1);
  });
});

describe('readWithGrantsEnded', () => {
  withDatabase();

  it('answers rows with expired grants ended, and reads once when none is due', async () => {
    const [due, fine] = [await register(), await register()];
    await move(due, 'GOLD', 'GRANT', day(1), day(2));
    await move(fine, 'SILVER', 'GRANT', day(1), day(30));
    let reads = 0;
    const read = () => {
      reads += 1;
      return members().find({ order: { id: 'ASC' } });
    };
    const rows = await readWithGrantsEnded(db.dataSource, read, day(3));
    expect(reads).toBe(2);
    expect(Object.fromEntries(rows.map((m) => [m.id, `${m.tierId} ${m.tierSource}`]))).toEqual({
      [due]: 'REGULAR EARNED',
      [fine]: 'SILVER GRANTED',
    });
    reads = 0;
    await readWithGrantsEnded(db.dataSource, read, day(3));
    expect(reads).toBe(1);
  });
});
