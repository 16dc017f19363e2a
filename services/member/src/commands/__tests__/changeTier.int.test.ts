import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { inTransaction, OutboxEventSchema } from '../../../../kit/src';
import { memberSchema } from '../../db/data-source';
import { Member } from '../../db/entities/Member';
import { TierChange } from '../../db/entities/TierChange';
import { changeTier } from '../changeTier';
import { tierEventsKey } from '../memberEvents';
import { newMember } from './memberFixture';

let db: CommandDatabase;
let member: Member;
// After the registration (which is stamped with the real clock), so the history reads in order.
const at = new Date(Date.now() + 60_000);
const later = (days: number) => new Date(at.getTime() + days * 86_400_000);

beforeEach(async () => {
  db = await openCommandDatabase(memberSchema);
  member = await newMember(db.dataSource);
});
afterEach(() => db.close());

const reload = () => db.dataSource.getRepository(Member).findOneByOrFail({ id: member.id });
const history = () => db.dataSource.getRepository(TierChange).find({ where: { memberId: member.id }, order: { at: 'ASC' } });
const change = (
  toTier: string,
  reason: Parameters<typeof changeTier>[2]['reason'],
  extra: { grantExpiresAt?: Date | null; note?: string } = {},
) =>
  inTransaction(db.dataSource, (manager) => changeTier(manager, member, { toTier, reason, note: 'why', actor: 'staff:s-1', at, ...extra }));

describe('changeTier', () => {
  it('moves the member and records the change with who, why and when', async () => {
    await change('GOLD', 'UPGRADE');
    expect(await reload()).toMatchObject({ tierId: 'GOLD', tierSince: at, tierSource: 'EARNED', grantExpiresAt: null });
    const rows = await history();
    expect(rows.map((r) => r.reason)).toEqual(['REGISTERED', 'UPGRADE']);
    expect(rows[1]).toMatchObject({ memberId: member.id, fromTier: 'REGULAR', toTier: 'GOLD', note: 'why', actor: 'staff:s-1', at });
  });

  it('marks a grant as GRANTED with its expiry, or none for a grant until changed', async () => {
    const expires = later(30);
    await change('DIAMOND', 'GRANT', { grantExpiresAt: expires });
    expect(await reload()).toMatchObject({ tierId: 'DIAMOND', tierSource: 'GRANTED', grantExpiresAt: expires });
    member = await reload();
    await change('GOLD', 'GRANT');
    expect(await reload()).toMatchObject({ tierId: 'GOLD', tierSource: 'GRANTED', grantExpiresAt: null });
  });

  it.each(['UPGRADE', 'REEVALUATION', 'GRANT_EXPIRED', 'MERGED'] as const)('clears a grant on a %s change', async (reason) => {
    await change('DIAMOND', 'GRANT', { grantExpiresAt: later(30) });
    member = await reload();
    await change('SILVER', reason, { grantExpiresAt: later(60) });
    expect(await reload()).toMatchObject({ tierId: 'SILVER', tierSource: 'EARNED', grantExpiresAt: null });
    expect((await history()).at(-1)).toMatchObject({ fromTier: 'DIAMOND', toTier: 'SILVER', reason });
  });

  it('counts the tier version up once a change and announces each change with it, in the same transaction', async () => {
    const expires = later(30);
    // Two changes in one transaction (a grant's end, then an upgrade): the second counts on from the first.
    await inTransaction(db.dataSource, async (manager) => {
      await changeTier(manager, member, {
        toTier: 'DIAMOND',
        reason: 'GRANT',
        note: 'why',
        actor: 'staff:s-1',
        at,
        grantExpiresAt: expires,
      });
      await changeTier(manager, member, { toTier: 'GOLD', reason: 'UPGRADE', note: 'why', actor: 'system', at });
    });
    expect(await reload()).toMatchObject({ tierId: 'GOLD', tierVersion: 2 });
    const events = await db.dataSource
      .getRepository(OutboxEventSchema)
      .find({ where: { type: 'member.tier_changed' }, order: { seq: 'ASC' } });
    expect(events.map((e) => ({ key: e.key, payload: JSON.parse(e.payload) }))).toEqual([
      {
        key: tierEventsKey(member.id),
        payload: { memberId: member.id, tierId: 'DIAMOND', tierVersion: 1, granted: true, grantExpiresAtEpochMs: expires.getTime() },
      },
      {
        key: tierEventsKey(member.id),
        payload: { memberId: member.id, tierId: 'GOLD', tierVersion: 2, granted: false, grantExpiresAtEpochMs: 0 },
      },
    ]);
  });

  it('keeps a note to the 255 characters the history holds', async () => {
    await change('SILVER', 'GRANT', { note: 'n'.repeat(300) });
    expect((await history()).at(-1)!.note).toBe('n'.repeat(255));
  });

  it('writes in the caller’s transaction: when the caller fails afterwards, nothing is kept', async () => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(
      inTransaction(db.dataSource, async (manager) => {
        await changeTier(manager, member, { toTier: 'GOLD', reason: 'UPGRADE', note: 'why', actor: 'system', at });
        throw new Error('the caller fails');
      }),
    ).rejects.toThrow('the caller fails');
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('cannot move a member to a tier the programme does not have (the schema refuses it, nothing is written)', async () => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(change('PLATINUM', 'UPGRADE')).rejects.toThrow(/FOREIGN KEY/);
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
