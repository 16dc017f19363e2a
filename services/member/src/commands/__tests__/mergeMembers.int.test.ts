import { openMemberCommands, type MemberCommands } from '../../../test/commandFixture';
import { endExpiredGrants } from '../endGrants';
import { grantTier } from '../grantTier';
import { mergeMembers } from '../mergeMembers';
import { registerMember } from '../registerMember';

let c: MemberCommands;
let source: string;
let target: string;
beforeEach(async () => {
  c = await openMemberCommands();
  source = (await registerMember(c.dataSource, c.pii, { phone: '13800000001', channel: 'WEB' })).id;
  target = (await registerMember(c.dataSource, c.pii, { phone: '13800000002', channel: 'POS' })).id;
});
afterEach(() => c.close());

const merge = (reason = 'same person, two phones', from = source, into = target) =>
  mergeMembers(c.dataSource, { sourceId: from, targetId: into, reason }, 'staff:agent-1', new Date('2026-03-01T00:00:00Z'));
const row = async (id: string) => (await c.dataSource.query('SELECT * FROM members WHERE id = ?', [id]))[0];

/** Registration is stamped with the clock: put it before the dated grants and merges of a test. */
const registeredLongAgo = () => c.dataSource.query("UPDATE tier_history SET at = '2025-01-01 00:00:00.000'");

describe('mergeMembers', () => {
  it('keeps the target, fills the profile fields it lacks, gives it the higher tier and the source’s identities, and leaves a tombstone', async () => {
    await c.dataSource.query("UPDATE members SET name = '王小明', email = 'a@example.cn', tier_id = 'GOLD' WHERE id = ?", [source]);
    await c.dataSource.query("UPDATE members SET name = '王明' WHERE id = ?", [target]);
    await c.dataSource.query(
      "INSERT INTO channel_identities (id, member_id, kind, external_id, external_enc, secret_enc, created_at) VALUES ('ci-1', ?, 'POS_CARD', 'x', 'y', NULL, '2026-01-01 00:00:00.000')",
      [source],
    );
    const { mergeId, target: kept } = await merge();
    expect(kept).toBe(target);
    expect(await row(target)).toMatchObject({ name: '王明', email: 'a@example.cn', tier_id: 'GOLD', merged_into: null });
    expect(await row(source)).toMatchObject({ merged_into: target });
    expect(await c.dataSource.query('SELECT member_id FROM channel_identities')).toEqual([{ member_id: target }]);
    expect(
      await c.dataSource.query("SELECT from_tier, to_tier, actor FROM tier_history WHERE member_id = ? AND reason = 'MERGED'", [target]),
    ).toEqual([{ from_tier: 'REGULAR', to_tier: 'GOLD', actor: 'staff:agent-1' }]);
    expect(await c.dataSource.query('SELECT id, source_id, target_id, actor, reason FROM member_merges')).toEqual([
      { id: mergeId, source_id: source, target_id: target, actor: 'staff:agent-1', reason: 'same person, two phones' },
    ]);
    // The points move from the outbox, after the source's own registration event, with the merge in the payload.
    expect((await c.events(source)).map((e) => [e.type, e.payload])).toEqual([
      ['member.registered', { memberId: source, channel: 'WEB', referralCode: null }],
      ['member.merged', { mergeId, sourceMemberId: source, targetMemberId: target }],
    ]);
    await c.outbox.deliverNow(source);
    expect(c.peers.points.calls).toEqual([
      { award: 'REGISTRATION', memberId: source },
      { merge: { mergeId, sourceMemberId: source, targetMemberId: target } },
    ]);
  });

  it('carries a staff grant over as a grant, with its source and expiry: when it ends the target is back on its own tier', async () => {
    await registeredLongAgo();
    await grantTier(
      c.dataSource,
      { memberId: source, tierId: 'GOLD', reason: 'VIP complaint', expiresAt: '2026-04-01T00:00:00Z' },
      'staff:op',
      new Date('2026-02-01T00:00:00Z'),
    );
    await c.dataSource.query("UPDATE members SET tier_id = 'SILVER' WHERE id = ?", [target]);
    await mergeMembers(
      c.dataSource,
      { sourceId: source, targetId: target, reason: 'same person' },
      'staff:agent-1',
      new Date('2026-03-01T00:00:00Z'),
    );
    expect(await row(target)).toMatchObject({ tier_id: 'GOLD', tier_source: 'GRANTED' });
    expect(new Date(`${(await row(target)).grant_expires_at}`.replace(' ', 'T').replace(/(\d)$/, '$1Z')).toISOString()).toBe(
      '2026-04-01T00:00:00.000Z',
    );
    expect(
      await c.dataSource.query("SELECT from_tier, to_tier, tier_source FROM tier_history WHERE member_id = ? AND reason = 'MERGED'", [
        target,
      ]),
    ).toEqual([{ from_tier: 'SILVER', to_tier: 'GOLD', tier_source: 'GRANTED' }]);
    expect(await endExpiredGrants(c.dataSource, new Date('2026-04-01T00:00:01Z'), [target])).toBe(1);
    expect(await row(target)).toMatchObject({ tier_id: 'SILVER', tier_source: 'EARNED', grant_expires_at: null });
  });

  it('an earned tier merged in stays earned and is where a later grant returns to', async () => {
    await registeredLongAgo();
    await c.dataSource.query("UPDATE members SET tier_id = 'GOLD' WHERE id = ?", [source]);
    await mergeMembers(
      c.dataSource,
      { sourceId: source, targetId: target, reason: 'same person' },
      'staff:agent-1',
      new Date('2026-03-01T00:00:00Z'),
    );
    await grantTier(
      c.dataSource,
      { memberId: target, tierId: 'DIAMOND', reason: 'launch guest', expiresAt: '2026-05-01T00:00:00Z' },
      'staff:op',
      new Date('2026-03-02T00:00:00Z'),
    );
    await endExpiredGrants(c.dataSource, new Date('2026-05-02T00:00:00Z'));
    expect(await row(target)).toMatchObject({ tier_id: 'GOLD', tier_source: 'EARNED' });
  });

  it('never lowers the target’s tier', async () => {
    await c.dataSource.query("UPDATE members SET tier_id = 'DIAMOND' WHERE id = ?", [target]);
    await merge();
    expect(await row(target)).toMatchObject({ tier_id: 'DIAMOND' });
    expect(await c.dataSource.query("SELECT COUNT(*) AS n FROM tier_history WHERE reason = 'MERGED'")).toEqual([{ n: 0 }]);
  });

  it('merges a member once: a second merge of the source, or into a merged member, is CONFLICT', async () => {
    await merge();
    const third = (await registerMember(c.dataSource, c.pii, { phone: '13800000003', channel: 'WEB' })).id;
    await expect(merge('again, into another', source, third)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(merge('into the tombstone', third, source)).rejects.toMatchObject({ code: 'CONFLICT' });
    const racing = await Promise.allSettled([merge('race one', third, target), merge('race two', third, target)]);
    expect(racing.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await c.dataSource.query('SELECT COUNT(*) AS n FROM member_merges')).toEqual([{ n: 2 }]);
  });

  it('refuses a short reason, a merge into itself and unknown members, writing nothing', async () => {
    await expect(merge('no')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'reason' } });
    await expect(merge('x'.repeat(256))).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'reason' } });
    await expect(merge('itself', source, source)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'targetId' } });
    await expect(merge('unknown source', 'nobody', target)).rejects.toMatchObject({ code: 'NOT_FOUND', details: { field: 'sourceId' } });
    await expect(merge('unknown target', source, 'nobody')).rejects.toMatchObject({ code: 'NOT_FOUND', details: { field: 'targetId' } });
    expect(await c.dataSource.query('SELECT COUNT(*) AS n FROM member_merges')).toEqual([{ n: 0 }]);
    expect((await c.events(source)).map((e) => e.type)).toEqual(['member.registered']);
  });
});
