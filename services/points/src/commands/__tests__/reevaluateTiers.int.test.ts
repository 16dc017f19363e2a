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

  it('counts an order in the rolling 12 months by when it was placed (orderedAt), not when it was recorded', async () => {
    for (const id of ['m-late', 'm-edge']) c.peers.member.add(id);
    const placedLate = (memberId: string, orderNo: string, amount: string, orderedAt: string, recordedAt: Date) =>
      recordOrder(
        c.dataSource,
        c.peers,
        c.outbox,
        RULES,
        { memberId, orderNo, amount, channel: 'POS', orderedAt, callerIsAdmin: true },
        'staff:admin',
        recordedAt,
      );
    // Placed before the window, uploaded inside it: not qualifying activity of the cycle.
    await placedLate('m-late', 'L-1', '3000.00', '2024-12-25T12:00:00Z', new Date('2025-01-03T00:00:00Z'));
    // Placed inside the window, uploaded days later: it is.
    await placedLate('m-edge', 'L-2', '200.00', '2025-01-02T12:00:00Z', new Date('2025-01-06T00:00:00Z'));
    expect(await reevaluateTiers(c.dataSource, c.peers.member, '2026', at)).toEqual({ members: 2, changed: expect.any(Number) });
    expect(c.peers.member.reevaluations.map((r) => r.activity)).toEqual([
      { memberId: 'm-edge', spendFen: 20000, purchases: 1, asOf: at },
      { memberId: 'm-late', spendFen: 0, purchases: 0, asOf: at },
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
