import { openMemberCommands, type MemberCommands } from '../../../test/commandFixture';
import { memberForPhone, registerMember } from '../registerMember';

let c: MemberCommands;
beforeEach(async () => {
  c = await openMemberCommands();
});
afterEach(() => c.close());

const register = (phone: string, channel = 'WEB') => registerMember(c.dataSource, c.pii, { phone, channel });

describe('registerMember', () => {
  it('stores the member on the entry tier with its history and the welcome event, the phone only encrypted and indexed', async () => {
    const member = await register('13812341234', 'POS');
    const [row] = await c.dataSource.query('SELECT tier_id, registered_via, phone_enc, phone_index FROM members WHERE id = ?', [member.id]);
    expect(row).toMatchObject({ tier_id: 'REGULAR', registered_via: 'POS', phone_index: c.pii.blindIndex('13812341234') });
    expect(row.phone_enc).not.toContain('13812341234');
    expect(c.pii.decrypt(row.phone_enc)).toBe('13812341234');
    expect(
      await c.dataSource.query('SELECT from_tier, to_tier, reason, note, actor FROM tier_history WHERE member_id = ?', [member.id]),
    ).toEqual([{ from_tier: null, to_tier: 'REGULAR', reason: 'REGISTERED', note: 'registered via POS', actor: 'system' }]);
    expect(await c.events(member.id)).toEqual([
      { type: 'member.registered', payload: { memberId: member.id, channel: 'POS', referralCode: null }, delivered: false, attempts: 0 },
    ]);
    // The caller delivers after the commit: the welcome bonus, once.
    await c.outbox.deliverNow(member.id);
    expect(c.peers.points.calls).toEqual([{ award: 'REGISTRATION', memberId: member.id }]);
    expect(await c.events(member.id)).toMatchObject([{ delivered: true }]);
  });

  it('answers CONFLICT for a phone already registered (also when two registrations race), writing nothing more', async () => {
    await register('13812341234');
    await expect(register('13812341234')).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'phone' } });
    const raced = await Promise.allSettled([register('13900000001'), register('13900000001')]);
    expect(raced.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(Number((await c.dataSource.query('SELECT COUNT(*) AS n FROM members'))[0].n)).toBe(2);
    expect(Number((await c.dataSource.query('SELECT COUNT(*) AS n FROM outbox_events'))[0].n)).toBe(2);
  });

  it('refuses a malformed phone or channel (BAD_USER_INPUT) before writing', async () => {
    await expect(register('12345')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'phone' } });
    await expect(register('13812341234', 'FAX')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'channel' } });
    expect(Number((await c.dataSource.query('SELECT COUNT(*) AS n FROM members'))[0].n)).toBe(0);
  });
});

describe('memberForPhone', () => {
  it('registers a new phone once; a known phone signs in to its member, a merged member’s phone to the member it was merged into', async () => {
    const first = await memberForPhone(c.dataSource, c.pii, '13812341234', 'WEB');
    expect(first.registered).toBe(true);
    const again = await memberForPhone(c.dataSource, c.pii, '13812341234', 'MINI_PROGRAM');
    expect(again).toMatchObject({ registered: false, member: { id: first.member.id, registeredVia: 'WEB' } });

    const target = await register('13900000002');
    await c.dataSource.query('UPDATE members SET merged_into = ? WHERE id = ?', [target.id, first.member.id]);
    expect(await memberForPhone(c.dataSource, c.pii, '13812341234', 'WEB')).toMatchObject({ registered: false, member: { id: target.id } });
  });

  it('two first sign-ins of one phone at once end as one member', async () => {
    const both = await Promise.all([
      memberForPhone(c.dataSource, c.pii, '13812341234', 'WEB'),
      memberForPhone(c.dataSource, c.pii, '13812341234', 'WEB'),
    ]);
    expect(both[0].member.id).toBe(both[1].member.id);
    expect(both.filter((b) => b.registered)).toHaveLength(1);
  });
});
