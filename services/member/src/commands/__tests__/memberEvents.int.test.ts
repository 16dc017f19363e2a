import { inTransaction } from '../../../../kit/src';
import { openMemberCommands, type MemberCommands } from '../../../test/commandFixture';
import { enqueueMemberEvent, enqueueMemberMerged } from '../memberEvents';
import { Milestone } from '../../db/entities/Milestone';
import { recordActivity } from '../recordActivity';
import { registerMember } from '../registerMember';

let c: MemberCommands;
let m: string;
beforeEach(async () => {
  c = await openMemberCommands();
  m = (await registerMember(c.dataSource, c.pii, { phone: '13800000001', channel: 'WEB' })).id;
});
afterEach(() => c.close());

const enqueue = (work: Parameters<typeof inTransaction>[1]) => inTransaction(c.dataSource, work);

describe('member events to the points service', () => {
  it('delivers each event once, in the order enqueued: registration, profile, merge', async () => {
    const merge = { mergeId: 'merge-1', sourceMemberId: m, targetMemberId: 'm-target' };
    await enqueue((manager) => enqueueMemberEvent(manager, 'member.profile_completed', m, new Date()));
    await enqueue((manager) => enqueueMemberMerged(manager, merge, new Date()));
    await c.outbox.deliverNow(m);
    await c.outbox.deliverNow(m);
    expect(c.peers.points.calls).toEqual([{ award: 'REGISTRATION', memberId: m }, { award: 'PROFILE_COMPLETION', memberId: m }, { merge }]);
    expect((await c.events(m)).every((e) => e.delivered)).toBe(true);
  });

  it('holds a member’s later events behind a failed one, so points never sees a merge before the bonus it follows', async () => {
    await enqueue((manager) => enqueueMemberEvent(manager, 'member.profile_completed', m, new Date()));
    c.peers.points.down = true;
    await c.outbox.deliverNow(m); // logs, never throws
    expect(await c.events(m)).toMatchObject([
      { type: 'member.registered', delivered: false, attempts: 1 },
      { type: 'member.profile_completed', delivered: false, attempts: 0 },
    ]);
    c.peers.points.down = false;
    // The dispatcher waits out the backoff, then delivers both, in order.
    expect(await c.outbox.dispatch(new Date())).toBe(0);
    expect(await c.outbox.dispatch(new Date(Date.now() + 120_000))).toBe(1);
    expect(c.peers.points.calls).toEqual([
      { award: 'REGISTRATION', memberId: m },
      { award: 'PROFILE_COMPLETION', memberId: m },
    ]);
    expect((await c.events(m)).map((e) => e.delivered)).toEqual([true, true]);
  });

  it('is enqueued with the change or not at all', async () => {
    await expect(
      enqueue(async (manager) => {
        await enqueueMemberEvent(manager, 'member.profile_completed', m, new Date());
        throw new Error('the profile update failed');
      }),
    ).rejects.toThrow('the profile update failed');
    expect((await c.events(m)).map((e) => e.type)).toEqual(['member.registered']);
  });
});

describe('milestones to the benefits service', () => {
  // The service's hook only starts the delivery; here the test delivers, so it can await it.
  const hook = () => undefined;
  const twelve = (asOf: Date) => ({ memberId: m, spendFen: 120_000, purchases: 12, asOf });

  it('announces a milestone in the transaction that records it and delivers it once, with the milestone id as its key', async () => {
    const at = new Date(Date.now() + 60_000);
    await recordActivity(c.dataSource, twelve(at), hook, at);
    await c.outbox.deliverNow(m);
    const [milestone] = await c.dataSource.getRepository(Milestone).findBy({ memberId: m, kind: 'TWELFTH_PURCHASE' });
    expect(c.peers.benefits.milestones).toEqual([{ milestoneId: milestone.id, memberId: m, kind: 'TWELFTH_PURCHASE', reachedAt: at }]);
    // The same figures again record nothing new and announce nothing.
    await recordActivity(c.dataSource, twelve(new Date(at.getTime() + 1000)), hook, at);
    await c.outbox.dispatch(new Date(Date.now() + 120_000));
    expect(c.peers.benefits.milestones).toHaveLength(1);
    expect((await c.events(m)).map((e) => [e.type, e.delivered])).toEqual([
      ['member.registered', true],
      ['member.milestone_reached', true],
    ]);
  });

  it('keeps the milestone for later while the benefits service is down', async () => {
    c.peers.benefits.down = true;
    const at = new Date(Date.now() + 60_000);
    await recordActivity(c.dataSource, twelve(at), hook, at);
    await c.outbox.deliverNow(m);
    expect(c.peers.benefits.milestones).toEqual([]);
    c.peers.benefits.down = false;
    await c.outbox.dispatch(new Date(Date.now() + 120_000));
    expect(c.peers.benefits.milestones.map((e) => e.kind)).toEqual(['TWELFTH_PURCHASE']);
  });
});
