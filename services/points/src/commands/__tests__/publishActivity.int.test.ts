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
