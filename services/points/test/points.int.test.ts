import { grpcCall } from '../../../test/harness/grpc';
import { fromRawDatetime } from '../../kit/src';
import { RECORD_ORDER, REGISTER } from '../../../test/harness/operations';
import { startStack, type Stack } from '../../../test/harness/startStack';

let stack: Stack;
let memberId: string;
beforeAll(async () => {
  // Points is tested against real peers: member, campaign and risk run as real gRPC servers.
  stack = await startStack({ withGateway: false });
  memberId = (await stack.querySubgraph('member', REGISTER, { phone: '13822220001', channel: 'WEB' })).data.registerMember.id;
});
afterAll(() => stack?.stop());

describe('points subgraph', () => {
  it('earns floor(amount × γ × coefficient) with γ from member and the coefficient from campaign over gRPC', async () => {
    await stack.services.member.dataSource.query("UPDATE members SET tier_id = 'SILVER' WHERE id = ?", [memberId]);
    const now = Date.now();
    const create = `mutation($i: CreateCampaignInput!) { createCampaign(input: $i) { id } }`;
    const window = { startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString() };
    await stack.querySubgraph('campaign', create, { i: { name: 'A', activityCoefficient: '1.5', ...window } });
    await stack.querySubgraph('campaign', create, { i: { name: 'B', activityCoefficient: '2.0', ...window } });

    const response = await stack.querySubgraph('points', RECORD_ORDER, {
      memberId,
      orderNo: 'INT-1',
      amount: '123.45',
      channel: 'POS',
    });
    expect(response.errors).toBeUndefined();
    // 123.45 × 1 × 1.2 (Silver) × 2.0 (max of live campaigns) = 296.28 → 296
    expect(response.data.recordOrder).toEqual({
      orderNo: 'INT-1',
      amount: '123.45',
      pointsEarned: 296,
      replayed: false,
      member: { points: { balance: 296 } },
    });
  });

  it('writes the order, one EARN ledger entry and the balance together', async () => {
    const db = stack.services.points.dataSource;
    expect(await db.query('SELECT order_no, amount_fen, points_earned FROM orders')).toEqual([
      { order_no: 'INT-1', amount_fen: expect.anything(), points_earned: 296 },
    ]);
    const entries = await db.query('SELECT entry_type, points, balance_after, source, idempotency_key FROM points_ledger');
    expect(entries.map((e: Record<string, unknown>) => ({ ...e, balance_after: Number(e.balance_after) }))).toEqual([
      { entry_type: 'EARN', points: 296, balance_after: 296, source: 'ORDER', idempotency_key: 'ORDER:INT-1' },
    ]);
  });

  it('resolves Member.points through _entities, zero for members without an account', async () => {
    const response = await stack.querySubgraph(
      'points',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { id points { balance } } } }`,
      {
        r: [
          { __typename: 'Member', id: 'someone-else' },
          { __typename: 'Member', id: memberId },
        ],
      },
    );
    expect(response.data._entities).toEqual([
      { id: 'someone-else', points: { balance: 0 } },
      { id: memberId, points: { balance: 296 } },
    ]);
  });

  it('a replayed order returns the first receipt and changes nothing', async () => {
    const again = await stack.querySubgraph('points', RECORD_ORDER, {
      memberId,
      orderNo: 'INT-1',
      amount: '123.45',
      channel: 'POS',
    });
    expect(again.data.recordOrder).toMatchObject({ pointsEarned: 296, replayed: true });
    const [{ n }] = await stack.services.points.dataSource.query('SELECT COUNT(*) AS n FROM points_ledger');
    expect(Number(n)).toBe(1);
  });

  it('the risk service recorded one EARN assessment for the order, even though it was sent twice', async () => {
    // Assessed after the commit (EARN_RISK_CHECK=after-commit), in a batch that starts after the
    // outbox's linger: it may reach risk after the answers above.
    const read = () => stack.services.risk.dataSource.query('SELECT action, member_id, idempotency_key, decision FROM risk_events');
    let rows = await read();
    for (let i = 0; i < 200 && rows.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      rows = await read();
    }
    expect(rows).toEqual([{ action: 'EARN', member_id: memberId, idempotency_key: 'EARN:INT-1', decision: 'ALLOW' }]);
  });

  it('GetBalances answers a batch over gRPC', async () => {
    const response = await grpcCall('points', 'PointsService', stack.services.points.grpcAddress, 'getBalances', {
      memberIds: [memberId, 'nobody'],
    });
    expect(response.balances).toEqual([
      { memberId, balance: '296', held: '0' },
      { memberId: 'nobody', balance: '0', held: '0' },
    ]);
  });

  it('GetSpendStats answers the figures Member.spend shows, for a batch in the order asked, zeros for no orders', async () => {
    const response = await grpcCall('points', 'PointsService', stack.services.points.grpcAddress, 'getSpendStats', {
      memberIds: ['nobody', memberId],
    });
    const [order] = await stack.services.points.dataSource.query('SELECT ordered_at FROM orders WHERE order_no = ?', ['INT-1']);
    expect(response.stats).toEqual([
      { memberId: 'nobody', spendFen: '0', purchases: 0, lastPurchaseEpochMs: '0' },
      { memberId, spendFen: '12345', purchases: 1, lastPurchaseEpochMs: String(fromRawDatetime(order.ordered_at)!.getTime()) },
    ]);
  });
});
