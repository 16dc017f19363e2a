import { inTransaction } from '../../../../kit/src';
import { openPointsCommands, RULES, type PointsCommands } from '../../../test/commandFixture';
import { enqueueActivity } from '../publishActivity';
import { recordOrder } from '../recordOrder';

let c: PointsCommands;
let m: string;
beforeEach(async () => {
  c = await openPointsCommands();
  m = c.peers.member.add('m-1');
});
afterEach(() => c.close());

const order = (orderNo: string, amount: string) =>
  recordOrder(c.dataSource, c.peers, c.outbox, RULES, { memberId: m, orderNo, amount, channel: 'WEB' }, 'staff:test');

describe('tier activity from the outbox', () => {
  it('delivers a member’s pending events as one report of absolute figures, then marks exactly those delivered', async () => {
    c.peers.member.reportsDown = true;
    await order('O-1', '10.00');
    await order('O-2', '20.00');
    expect((await c.events(m)).map((e) => e.delivered)).toEqual([false, false]);
    c.peers.member.reportsDown = false;
    await c.outbox.deliverNow(m);
    expect(c.peers.member.reports).toEqual([{ memberId: m, spendFen: 3000, purchases: 2, asOf: expect.any(Date) }]);
    expect((await c.events(m)).map((e) => e.delivered)).toEqual([true, true]);
    await c.outbox.deliverNow(m);
    expect(c.peers.member.reports).toHaveLength(1);
  });

  it('rolls back with the transaction that enqueued it', async () => {
    await expect(
      inTransaction(c.dataSource, async (manager) => {
        await enqueueActivity(manager, m, new Date());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await c.events(m)).toEqual([]);
  });

  it('keeps other members’ events moving while one member’s delivery fails', async () => {
    const other = c.peers.member.add('m-2');
    c.peers.member.reportsDown = true;
    await order('O-1', '10.00');
    c.peers.member.reportsDown = false;
    await recordOrder(c.dataSource, c.peers, c.outbox, RULES, { memberId: other, orderNo: 'O-2', amount: '5.00', channel: 'WEB' }, 'x');
    expect(c.peers.member.reports.map((r) => r.memberId)).toEqual([other]);
    expect(await c.events(m)).toMatchObject([{ delivered: false, attempts: 1 }]);
  });
});

describe('deferred activity reports, many members at once', () => {
  const now = new Date('2026-03-10T08:00:00Z');
  const earn = (memberId: string, orderNo: string, amount = '100.00') =>
    recordOrder(c.dataSource, c.peers, c.outbox, RULES, { memberId, orderNo, amount, channel: 'WEB' }, 'staff:test', now);
  /** Members whose tier points holds a copy of (their first earn asked member and kept it). */
  const withCopies = async (count: number) => {
    c.peers.member.versioned = true;
    const members = Array.from({ length: count }, (_, i) => c.peers.member.add(`b-${i}`));
    for (const member of members) await earn(member, `${member}-first`);
    await settled();
    c.peers.member.reportCalls.length = 0;
    c.peers.member.reports.length = 0;
    return members;
  };
  /** Waits for the background deliveries in progress (the outbox's stop waits for them; it has no dispatcher here). */
  const settled = () => c.outbox.stop();
  const pending = async (members: string[]) =>
    (await Promise.all(members.map((member) => c.events(member)))).flat().filter((event) => !event.delivered);

  it('20 concurrent earns that cannot upgrade reach member in fewer than 20 calls, every member’s figures once', async () => {
    const members = await withCopies(20);
    // A call over the network takes a while: the earns that commit meanwhile wait for the next batch.
    c.peers.member.reportLatencyMs = 20;
    await Promise.all(members.map((member) => earn(member, `${member}-second`)));
    await settled();
    expect(c.peers.member.reportCalls.length).toBeLessThan(20);
    expect(c.peers.member.reportCalls.length).toBeGreaterThan(0);
    expect([...c.peers.member.reports].sort((a, b) => a.memberId.localeCompare(b.memberId))).toEqual(
      [...members].sort().map((memberId) => ({ memberId, spendFen: 20_000, purchases: 2, asOf: expect.any(Date) })),
    );
    expect(await pending(members)).toEqual([]);
  });

  it('with member down the events stay pending, and the dispatcher delivers them member by member later', async () => {
    const members = await withCopies(5);
    c.peers.member.reportsDown = true;
    await Promise.all(members.map((member) => earn(member, `${member}-second`)));
    await settled();
    expect(c.peers.member.reports).toEqual([]);
    expect(await pending(members)).toHaveLength(5);
    c.peers.member.reportsDown = false;
    expect(await c.outbox.dispatch(new Date(Date.now() + 120_000))).toBe(5);
    expect(c.peers.member.reportCalls.map((call) => call.length)).toEqual([1, 1, 1, 1, 1]);
    expect(c.peers.member.reports.map((r) => r.purchases)).toEqual([2, 2, 2, 2, 2]);
    expect(await pending(members)).toEqual([]);
  });

  it('a member the member service does not know refuses the batch; the others are delivered one by one, the unknown one waits alone', async () => {
    const [gone, ...others] = await withCopies(4);
    c.peers.member.tiers.delete(gone);
    await Promise.all([gone, ...others].map((member) => earn(member, `${member}-second`)));
    await settled();
    expect(c.peers.member.reports.map((r) => r.memberId).sort()).toEqual([...others].sort());
    expect(await pending(others)).toEqual([]);
    expect(await pending([gone])).toMatchObject([{ delivered: false, attempts: 1 }]);
  });

  it('an earn that can upgrade is still reported before its answer, beside deferred ones', async () => {
    const [near, ...others] = await withCopies(5);
    // 100.00 and three of 700.00 cannot reach Silver (3,000.00 and 5 purchases); a fifth of 1,200.00 can.
    for (const n of [2, 3, 4]) await earn(near, `${near}-${n}`, '700.00');
    await settled();
    c.peers.member.reports.length = 0;
    const upgrade = earn(near, `${near}-5`, '1200.00').then(() => [...c.peers.member.reports]);
    await Promise.all(others.map((member) => earn(member, `${member}-second`)));
    expect(await upgrade).toContainEqual({ memberId: near, spendFen: 340_000, purchases: 5, asOf: expect.any(Date) });
    await settled();
  });

  it('an earn reported before its answer dates the figures by the instant they were read for: the earn’s clock when given', async () => {
    const [near] = await withCopies(1);
    for (const n of [2, 3, 4]) await earn(near, `${near}-${n}`, '700.00');
    await settled();
    c.peers.member.reports.length = 0;
    // The fifth purchase can reach Silver: its figures, the 12 months up to `now`, go with its event before the answer.
    await earn(near, `${near}-5`, '1200.00');
    expect(c.peers.member.reports).toEqual([{ memberId: near, spendFen: 340_000, purchases: 5, asOf: now }]);
  });
});
