import { grpcCall } from '../harness/grpc';
import { recordedOrder } from '../harness/recordedOrder';
import { RECORD_ORDER, REGISTER, uniquePhone } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

const OFFSET = /* GraphQL */ `
  mutation Offset($memberId: ID!, $orderNo: String!, $offset: String!, $key: String!) {
    offsetCheckout(memberId: $memberId, orderNo: $orderNo, offset: $offset, idempotencyKey: $key) {
      orderNo
      offset
      pointsUsed
      balance
      replayed
    }
  }
`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

/** A new member holding exactly `points` (earned by one order, no campaign: 1 point per CNY). */
async function memberWith(phone: string, points: number): Promise<string> {
  const id = (await stack.query(REGISTER, { phone, channel: 'WEB' })).data.registerMember.id;
  const order = await stack.query(RECORD_ORDER, { memberId: id, orderNo: `SEED-${phone}`, amount: `${points}.00`, channel: 'WEB' });
  expect(order.data.recordOrder.pointsEarned).toBe(points);
  return id;
}

async function ledgerOf(memberId: string) {
  const db = stack.services.points.dataSource;
  const [{ total, n }] = await db.query('SELECT COALESCE(SUM(points), 0) AS total, COUNT(*) AS n FROM points_ledger WHERE member_id = ?', [
    memberId,
  ]);
  const [account] = await db.query('SELECT balance FROM points_accounts WHERE member_id = ?', [memberId]);
  return { sum: Number(total), entries: Number(n), balance: Number(account.balance) };
}

const HISTORY = /* GraphQL */ `
  query History($id: ID!, $after: String) {
    member(id: $id) {
      points {
        history(first: 25, after: $after) {
          edges {
            node {
              type
              points
              balanceAfter
              at
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`;

type Entry = { type: string; points: number; balanceAfter: number; at: string };

/** Every entry of the member's history, page by page through the gateway, newest first. */
async function wholeHistory(memberId: string): Promise<Entry[]> {
  const entries: Entry[] = [];
  let after: string | null = null;
  for (;;) {
    type Page = { member: { points: { history: { edges: { node: Entry }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } } };
    const page: { data?: Page | null; errors?: unknown } = await stack.query<Page>(HISTORY, { id: memberId, after });
    expect(page.errors).toBeUndefined();
    const { edges, pageInfo }: Page['member']['points']['history'] = page.data!.member.points.history;
    entries.push(...edges.map((edge) => edge.node));
    if (!pageInfo.hasNextPage) return entries;
    after = pageInfo.endCursor;
  }
}

/** A deadline long enough for 200 calls queued on a small connection pool on a loaded 2-core machine. */
const debit = (memberId: string, points: number, key: string) =>
  grpcCall(
    'points',
    'PointsService',
    stack.services.points.grpcAddress,
    'debit',
    {
      memberId,
      points: String(points),
      source: 'REDEMPTION',
      sourceRef: key,
      reason: 'test redemption',
      idempotencyKey: key,
    },
    30_000,
  );

describe('burning points is exact under concurrency and retry', () => {
  it('200 concurrent debits of 10 against 1,000: exactly 100 succeed, the rest INSUFFICIENT_POINTS, balance 0 == Σ ledger', async () => {
    const memberId = await memberWith('13855550001', 1000);
    const outcomes = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => debit(memberId, 10, `burn-200-${i}`)));
    const succeeded = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(succeeded).toHaveLength(100);
    expect(refused).toHaveLength(100);
    expect(refused.map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(100).fill('INSUFFICIENT_POINTS'));
    expect(await ledgerOf(memberId)).toEqual({ sum: 0, entries: 101, balance: 0 });
  });

  it('after a race the history chains: newest first in the order applied, each balanceAfter = the older one + its points', async () => {
    const memberId = await memberWith(uniquePhone(), 600);
    const outcomes = await Promise.allSettled(Array.from({ length: 80 }, (_, i) => debit(memberId, 10, `burn-chain-${memberId}-${i}`)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(60);
    const history = await wholeHistory(memberId);
    expect(history).toHaveLength(61);
    // The newest entry shows the balance as it is now.
    expect(history[0].balanceAfter).toBe(0);
    const breaks = history.slice(0, -1).filter((entry, i) => entry.balanceAfter !== history[i + 1].balanceAfter + entry.points);
    expect(breaks).toEqual([]);
    const times = history.map((entry) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(history[history.length - 1]).toMatchObject({ type: 'EARN', points: 600, balanceAfter: 600 });
  });

  it('a retried debit returns its first result, even after the balance is spent, and applies once', async () => {
    const memberId = await memberWith('13855550002', 30);
    const first = await debit(memberId, 30, 'burn-retry-1');
    expect(first).toMatchObject({ balanceAfter: '0', replayed: false });
    const retries = await Promise.all([1, 2, 3].map(() => debit(memberId, 30, 'burn-retry-1')));
    for (const retry of retries) expect(retry).toEqual({ ...first, replayed: true });
    expect(await ledgerOf(memberId)).toEqual({ sum: 0, entries: 2, balance: 0 });
  });

  it('a debit for a member with no points account is INSUFFICIENT_POINTS and creates none', async () => {
    await expect(debit('no-account-member', 10, 'burn-no-account-1')).rejects.toMatchObject({ code: 'INSUFFICIENT_POINTS' });
    const rows = await stack.services.points.dataSource.query(
      "SELECT COUNT(*) AS n FROM points_accounts WHERE member_id = 'no-account-member'",
    );
    expect(Number(rows[0].n)).toBe(0);
  });

  it('the same key for a different debit is CONFLICT', async () => {
    const memberId = await memberWith('13855550003', 50);
    await debit(memberId, 10, 'burn-conflict-1');
    await expect(debit(memberId, 20, 'burn-conflict-1')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await ledgerOf(memberId)).balance).toBe(40);
  });

  it('checkout offset through the gateway: 100 points pay 1 CNY, concurrent offsets never overdraw', async () => {
    const memberId = await memberWith('13855550004', 1000);
    const results = await Promise.all(
      // All on the order that earned the points: the offsets of one order are serialised like any burn.
      Array.from({ length: 30 }, (_, i) =>
        stack.query(OFFSET, { memberId, orderNo: 'SEED-13855550004', offset: '1.50', key: `offset-key-${i}` }),
      ),
    );
    const ok = results.filter((r) => r.data?.offsetCheckout);
    expect(ok).toHaveLength(6); // 150 points each: 6 × 150 = 900, the 7th would need 1,050
    expect(ok[0].data.offsetCheckout).toMatchObject({ offset: '1.50', pointsUsed: 150, replayed: false });
    for (const r of results.filter((r) => r.errors)) expect(r.errors![0].extensions).toMatchObject({ code: 'INSUFFICIENT_POINTS' });
    expect(await ledgerOf(memberId)).toEqual({ sum: 100, entries: 7, balance: 100 });
    const card = await stack.query('query($id: ID!) { member(id: $id) { points { balance } } }', { id: memberId });
    expect(card.data.member.points.balance).toBe(100);
  });

  it('an offset key reused for another order with the same amount is CONFLICT, not a free discount', async () => {
    const memberId = await memberWith(uniquePhone(), 500);
    for (const orderNo of ['CO-A', 'CO-B']) await recordedOrder(stack.services.points.dataSource, { orderNo, memberId });
    const first = await stack.query(OFFSET, { memberId, orderNo: 'CO-A', offset: '1.00', key: 'offset-reuse-1' });
    expect(first.data.offsetCheckout).toMatchObject({ orderNo: 'CO-A', pointsUsed: 100, replayed: false });
    const retry = await stack.query(OFFSET, { memberId, orderNo: 'CO-A', offset: '1.00', key: 'offset-reuse-1' });
    expect(retry.data.offsetCheckout).toMatchObject({ orderNo: 'CO-A', balance: 400, replayed: true });
    const reuse = await stack.query(OFFSET, { memberId, orderNo: 'CO-B', offset: '1.00', key: 'offset-reuse-1' });
    expect(reuse.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    expect(reuse.data?.offsetCheckout ?? null).toBeNull();
    expect(await ledgerOf(memberId)).toEqual({ sum: 400, entries: 2, balance: 400 });
  });

  it('refuses an unknown member with NOT_FOUND', async () => {
    await recordedOrder(stack.services.points.dataSource, { orderNo: 'CO-X', memberId: 'no-such-member' });
    const response = await stack.query(OFFSET, { memberId: 'no-such-member', orderNo: 'CO-X', offset: '1.00', key: 'unknown-member-1' });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each([
    ['a negative offset', { offset: '-1.00', key: 'bad-offset-1' }],
    ['a zero offset', { offset: '0.00', key: 'bad-offset-2' }],
    ['an over-precise offset', { offset: '1.001', key: 'bad-offset-3' }],
    ['a too short idempotency key', { offset: '1.00', key: 'short' }],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_, args) => {
    const memberId = await memberWith(uniquePhone(), 500);
    const response = await stack.query(OFFSET, { memberId, orderNo: 'CO-BAD', ...args });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await ledgerOf(memberId)).toEqual({ sum: 500, entries: 1, balance: 500 });
  });
});

describe('a checkout offset is tied to its order', () => {
  const REFUND = /* GraphQL */ `
    mutation Refund($orderNo: String!, $refundNo: String!, $amount: String!) {
      refundOrder(orderNo: $orderNo, refundNo: $refundNo, amount: $amount) {
        pointsClawedBack
        pointsReturned
        replayed
        member {
          points {
            balance
          }
        }
      }
    }
  `;

  it('a refund of the order gives the offset back in proportion, once per refundNo (REVERSAL)', async () => {
    const phone = uniquePhone();
    const memberId = await memberWith(phone, 1000); // order SEED-<phone>, 1,000.00, 1,000 points
    const paid = await stack.query(OFFSET, { memberId, orderNo: `SEED-${phone}`, offset: '3.00', key: `tied-offset-${phone}` });
    expect(paid.data.offsetCheckout).toMatchObject({ pointsUsed: 300, balance: 700 });
    // A quarter refunded: 250 points clawed back, a quarter of the 300 offset points (75) given back.
    const refund = await stack.query(REFUND, { orderNo: `SEED-${phone}`, refundNo: `TIED-R1-${phone}`, amount: '250.00' });
    expect(refund.data.refundOrder).toEqual({
      pointsClawedBack: 250,
      pointsReturned: 75,
      replayed: false,
      member: { points: { balance: 525 } },
    });
    const again = await stack.query(REFUND, { orderNo: `SEED-${phone}`, refundNo: `TIED-R1-${phone}`, amount: '250.00' });
    expect(again.data.refundOrder).toMatchObject({ pointsReturned: 75, replayed: true, member: { points: { balance: 525 } } });
    const history = await stack.query(
      'query($id: ID!) { member(id: $id) { points { history(type: REVERSAL) { edges { node { type points source sourceRef } } } } } }',
      { id: memberId },
    );
    expect(history.data.member.points.history.edges).toEqual([
      { node: { type: 'REVERSAL', points: 75, source: 'CHECKOUT', sourceRef: `SEED-${phone}` } },
    ]);
    expect(await ledgerOf(memberId)).toEqual({ sum: 525, entries: 4, balance: 525 });
  });

  it('refuses offsets on an unknown or another member’s order with a code, writing nothing', async () => {
    const phone = uniquePhone();
    const memberId = await memberWith(phone, 500);
    const other = await memberWith(uniquePhone(), 500);
    const unknown = await stack.query(OFFSET, { memberId, orderNo: 'NEVER-RECORDED', offset: '1.00', key: `unknown-order-${phone}` });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const foreign = await stack.query(OFFSET, { memberId: other, orderNo: `SEED-${phone}`, offset: '1.00', key: `foreign-order-${phone}` });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await ledgerOf(memberId)).toEqual({ sum: 500, entries: 1, balance: 500 });
    expect(await ledgerOf(other)).toEqual({ sum: 500, entries: 1, balance: 500 });
  });
});
