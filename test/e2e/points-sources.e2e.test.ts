import { REGISTER, uniquePhone } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

const ADJUST = /* GraphQL */ `
  mutation Adjust($m: ID!, $p: Int!, $r: String!, $k: String!) {
    adjustPoints(memberId: $m, points: $p, reason: $r, idempotencyKey: $k) {
      replayed
      entry {
        type
        points
        balanceAfter
        source
        actor
        reason
      }
    }
  }
`;
const CHECK_IN = 'mutation($m: ID!) { checkIn(memberId: $m) { day points balance alreadyCheckedIn } }';
const ORDER = /* GraphQL */ `
  mutation Order($m: ID!, $o: String!, $a: String!, $store: String, $items: [OrderItemInput!]) {
    recordOrder(memberId: $m, orderNo: $o, amount: $a, channel: POS, store: $store, items: $items) {
      pointsEarned
    }
  }
`;
const OPERATOR = { kind: 'STAFF' as const, subject: 'op-7', roles: ['OPERATOR'] };

let stack: Stack;
let memberId: string;
beforeAll(async () => {
  stack = await startStack();
  memberId = (await stack.query(REGISTER, { phone: uniquePhone(), channel: 'POS' })).data.registerMember.id;
});
afterAll(() => stack?.stop());

describe('staff adjustments', () => {
  it('add and remove points as ADJUST entries caused by the staff member, idempotently', async () => {
    const add = await stack.querySubgraph(
      'points',
      ADJUST,
      { m: memberId, p: 200, r: 'goodwill after a late delivery', k: 'adjust-key-0001' },
      OPERATOR,
    );
    expect(add.errors).toBeUndefined();
    expect(add.data.adjustPoints).toEqual({
      replayed: false,
      entry: {
        type: 'ADJUST',
        points: 200,
        balanceAfter: 200,
        source: 'STAFF',
        actor: 'staff:op-7',
        reason: 'goodwill after a late delivery',
      },
    });
    const again = await stack.querySubgraph(
      'points',
      ADJUST,
      { m: memberId, p: 200, r: 'goodwill after a late delivery', k: 'adjust-key-0001' },
      OPERATOR,
    );
    expect(again.data.adjustPoints.replayed).toBe(true);
    const remove = await stack.querySubgraph(
      'points',
      ADJUST,
      { m: memberId, p: -50, r: 'duplicate goodwill', k: 'adjust-key-0002' },
      OPERATOR,
    );
    expect(remove.data.adjustPoints.entry).toMatchObject({ type: 'ADJUST', points: -50, balanceAfter: 150 });
    const tooMuch = await stack.querySubgraph('points', ADJUST, { m: memberId, p: -151, r: 'too much', k: 'adjust-key-0003' }, OPERATOR);
    expect(tooMuch.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_POINTS');
  });

  it('are refused to anyone but ADMIN or OPERATOR staff, and for bad input', async () => {
    expect(
      (await stack.queryAs(null, ADJUST, { m: memberId, p: 10, r: 'free points', k: 'adjust-key-0004' })).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    const analyst = await stack.querySubgraph(
      'points',
      ADJUST,
      { m: memberId, p: 10, r: 'free points', k: 'adjust-key-0005' },
      { kind: 'STAFF', roles: ['ANALYST'] },
    );
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const bad of [{ p: 0 }, { p: 5_000_000 }, { r: 'x' }, { k: 'short' }, { m: 'no-such-member' }]) {
      const response = await stack.querySubgraph(
        'points',
        ADJUST,
        { m: memberId, p: 10, r: 'valid reason', k: `adjust-bad-${JSON.stringify(bad).length}`, ...bad },
        OPERATOR,
      );
      expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(response.errors?.[0]?.extensions?.code);
    }
  });
});

describe('daily check-in', () => {
  it('earns once per day, for the signed-in member only', async () => {
    const member = await stack.loginMember(uniquePhone(), 'MINI_PROGRAM');
    const id = member.memberId!;
    const first = await stack.queryAs(member.accessToken, CHECK_IN, { m: id });
    expect(first.data.checkIn).toMatchObject({
      points: 5,
      balance: 5,
      alreadyCheckedIn: false,
      day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const second = await stack.queryAs(member.accessToken, CHECK_IN, { m: id });
    expect(second.data.checkIn).toMatchObject({ points: 5, balance: 5, alreadyCheckedIn: true });
    // Nobody checks in for someone else: not staff, not another member, not anonymous.
    const other = await stack.loginMember(uniquePhone());
    expect((await stack.queryAs(other.accessToken, CHECK_IN, { m: id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await stack.query(CHECK_IN, { m: id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await stack.queryAs(null, CHECK_IN, { m: id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('orders with store and lines', () => {
  it('are stored; lines that add up to more than the order are BAD_USER_INPUT', async () => {
    const items = [
      { sku: 'SKU-1', quantity: 2, amount: '59.90' },
      { sku: 'SKU-2', quantity: 1, amount: '40.00' },
    ];
    const ok = await stack.query(ORDER, { m: memberId, o: 'ITEMS-1', a: '159.80', store: 'SH-NANJING-01', items });
    expect(ok.data.recordOrder.pointsEarned).toBe(159);
    const [row] = await stack.services.points.dataSource.query("SELECT store_id, items FROM orders WHERE order_no = 'ITEMS-1'");
    expect(row.store_id).toBe('SH-NANJING-01');
    expect(JSON.parse(row.items)).toEqual([
      { sku: 'SKU-1', quantity: 2, amountFen: 5990 },
      { sku: 'SKU-2', quantity: 1, amountFen: 4000 },
    ]);
    const over = await stack.query(ORDER, { m: memberId, o: 'ITEMS-2', a: '10.00', items });
    expect(over.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badQuantity = await stack.query(ORDER, {
      m: memberId,
      o: 'ITEMS-3',
      a: '100.00',
      items: [{ sku: 'X', quantity: 0, amount: '1.00' }],
    });
    expect(badQuantity.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
