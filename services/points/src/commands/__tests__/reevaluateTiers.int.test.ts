import { openPointsCommands, RULES, type PointsCommands } from '../../../test/commandFixture';
import { recordOrder } from '../recordOrder';
import { reevaluateTiers } from '../reevaluateTiers';

let c: PointsCommands;
beforeEach(async () => {
  c = await openPointsCommands();
});
afterEach(() => c.close());

const at = new Date('2026-01-01T00:00:00Z');
const order = (memberId: string, orderNo: string, amount: string, when: Date) =>
  recordOrder(c.dataSource, c.peers, c.outbox, RULES, { memberId, orderNo, amount, channel: 'WEB' }, 'staff:test', when);

describe('reevaluateTiers', () => {
  it('sends every buyer’s rolling-12-month figures for the cycle, a batch at a time, and counts the changes', async () => {
    for (const id of ['m-a', 'm-b', 'm-c']) c.peers.member.add(id);
    await order('m-a', 'O-1', '100.00', new Date('2025-06-01T00:00:00Z'));
    await order('m-a', 'O-2', '50.00', new Date('2025-12-01T00:00:00Z'));
    await order('m-b', 'O-3', '10.00', new Date('2025-07-01T00:00:00Z'));
    // More than a year before: bought once, but has no qualifying activity in the cycle.
    await order('m-c', 'O-4', '99.00', new Date('2024-06-01T00:00:00Z'));
    expect(await reevaluateTiers(c.dataSource, c.peers.member, '2026', at, 2)).toEqual({ members: 3, changed: 1 });
    expect(c.peers.member.reevaluations).toEqual([
      { cycle: '2026', activity: { memberId: 'm-a', spendFen: 15000, purchases: 2, asOf: at } },
      { cycle: '2026', activity: { memberId: 'm-b', spendFen: 1000, purchases: 1, asOf: at } },
      { cycle: '2026', activity: { memberId: 'm-c', spendFen: 0, purchases: 0, asOf: at } },
    ]);
  });

  it('refuses a cycle that is not a year', async () => {
    await expect(reevaluateTiers(c.dataSource, c.peers.member, '26', at)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'cycle' },
    });
    expect(c.peers.member.reevaluations).toEqual([]);
  });
});
