import { expireDueLots } from '../../services/points/src/commands/expireLots';
import { PointsLot } from '../../services/points/src/db/entities/PointsLot';
import { grpcCall } from '../harness/grpc';
import { pointsJobDeps } from '../harness/pointsJobs';
import { RECORD_ORDER, REGISTER, uniquePhone } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

const REFUND = /* GraphQL */ `
  mutation Refund($orderNo: String!, $refundNo: String!, $amount: String!) {
    refundOrder(orderNo: $orderNo, refundNo: $refundNo, amount: $amount) {
      refundNo
      amount
      pointsClawedBack
      debtAdded
      replayed
      member {
        points {
          balance
          debt
        }
      }
    }
  }
`;

const ACCOUNT = /* GraphQL */ `
  query Account($id: ID!, $first: Int = 20, $after: String, $type: LedgerEntryType) {
    member(id: $id) {
      points {
        balance
        debt
        expiringSoon {
          points
          on
        }
        history(first: $first, after: $after, type: $type) {
          edges {
            cursor
            node {
              type
              points
              balanceAfter
              source
              sourceRef
              reason
            }
          }
          pageInfo {
            hasNextPage
            hasPreviousPage
            startCursor
            endCursor
          }
        }
      }
      spend {
        spend
        purchases
        lastPurchaseAt
      }
    }
  }
`;

let stack: Stack;
let jobs: ReturnType<typeof pointsJobDeps>;
beforeAll(async () => {
  stack = await startStack();
  jobs = pointsJobDeps(stack);
});
afterAll(async () => {
  jobs?.close();
  await stack?.stop();
});

async function newMember(): Promise<string> {
  return (await stack.query(REGISTER, { phone: uniquePhone(), channel: 'WEB' })).data.registerMember.id;
}

async function order(memberId: string, orderNo: string, amount: string) {
  const response = await stack.query(RECORD_ORDER, { memberId, orderNo, amount, channel: 'WEB' });
  expect(response.errors).toBeUndefined();
  return response.data.recordOrder;
}

/** balance == Σ ledger == Σ lots, read straight from the points database. */
async function invariant(memberId: string) {
  const db = stack.services.points.dataSource;
  const [{ sum }] = await db.query('SELECT COALESCE(SUM(points), 0) AS sum FROM points_ledger WHERE member_id = ?', [memberId]);
  const [{ lots }] = await db.query('SELECT COALESCE(SUM(remaining), 0) AS lots FROM points_lots WHERE member_id = ?', [memberId]);
  const [account] = await db.query('SELECT balance, debt FROM points_accounts WHERE member_id = ?', [memberId]);
  return { ledger: Number(sum), lots: Number(lots), balance: Number(account.balance), debt: Number(account.debt) };
}

describe('refunds claw points back', () => {
  it('in proportion and cumulatively, idempotent by refundNo', async () => {
    const id = await newMember();
    await order(id, 'R-1', '300.00');
    const first = await stack.query(REFUND, { orderNo: 'R-1', refundNo: 'RF-1', amount: '100.00' });
    expect(first.data.refundOrder).toEqual({
      refundNo: 'RF-1',
      amount: '100.00',
      pointsClawedBack: 100,
      debtAdded: 0,
      replayed: false,
      member: { points: { balance: 200, debt: 0 } },
    });
    const again = await stack.query(REFUND, { orderNo: 'R-1', refundNo: 'RF-1', amount: '100.00' });
    expect(again.data.refundOrder).toMatchObject({ pointsClawedBack: 100, replayed: true, member: { points: { balance: 200 } } });
    const rest = await stack.query(REFUND, { orderNo: 'R-1', refundNo: 'RF-2', amount: '200.00' });
    expect(rest.data.refundOrder).toMatchObject({ pointsClawedBack: 200, member: { points: { balance: 0, debt: 0 } } });
    const over = await stack.query(REFUND, { orderNo: 'R-1', refundNo: 'RF-3', amount: '0.01' });
    expect(over.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await invariant(id)).toEqual({ ledger: 0, lots: 0, balance: 0, debt: 0 });
  });

  it('never below zero: the shortfall becomes debt, netted against the next earn', async () => {
    const id = await newMember();
    await order(id, 'D-1', '100.00');
    const burn = await grpcCall('points', 'PointsService', stack.services.points.grpcAddress, 'debit', {
      memberId: id,
      points: '80',
      source: 'REDEMPTION',
      sourceRef: 'gift',
      reason: 'gift',
      idempotencyKey: 'debt-burn-1',
    });
    expect(burn.balanceAfter).toBe('20');
    const refund = await stack.query(REFUND, { orderNo: 'D-1', refundNo: 'DR-1', amount: '100.00' });
    expect(refund.data.refundOrder).toMatchObject({ pointsClawedBack: 100, debtAdded: 80, member: { points: { balance: 0, debt: 80 } } });
    await order(id, 'D-2', '50.00');
    expect(await invariant(id)).toEqual({ ledger: 0, lots: 0, balance: 0, debt: 30 });
    await order(id, 'D-3', '50.00');
    expect(await invariant(id)).toEqual({ ledger: 20, lots: 20, balance: 20, debt: 0 });
    const { data } = await stack.query(ACCOUNT, { id, type: 'CLAWBACK' });
    // Newest first: each earn paid debt back (the last 30, before it 50), the refund took the 20 left.
    expect(data.member.points.history.edges.map((e: any) => e.node.points)).toEqual([-30, -50, -20]);
  });

  it('refuses an unknown order with NOT_FOUND and a reused refundNo for another amount with CONFLICT', async () => {
    expect((await stack.query(REFUND, { orderNo: 'NOPE', refundNo: 'X-1', amount: '1.00' })).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    const id = await newMember();
    await order(id, 'C-1', '10.00');
    await stack.query(REFUND, { orderNo: 'C-1', refundNo: 'CR-1', amount: '1.00' });
    expect((await stack.query(REFUND, { orderNo: 'C-1', refundNo: 'CR-1', amount: '2.00' })).errors?.[0]?.extensions?.code).toBe(
      'CONFLICT',
    );
  });
});

describe('lots and expiry', () => {
  it('expires lots at the end of the 12th month; the job is idempotent; expiringSoon shows what is due', async () => {
    const id = await newMember();
    await order(id, 'E-1', '100.00');
    await order(id, 'E-2', '40.00');
    const db = stack.services.points.dataSource;
    const [lot] = await db.query('SELECT id, expires_at FROM points_lots WHERE member_id = ? AND points = 100', [id]);
    const expiresAt = new Date(lot.expires_at instanceof Date ? lot.expires_at : `${String(lot.expires_at).replace(' ', 'T')}Z`);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 330 * 86_400_000);

    // Bring the first lot close to its end, as time would.
    const soon = new Date(Date.now() + 10 * 86_400_000);
    await db.getRepository(PointsLot).update({ id: lot.id }, { expiresAt: soon });
    const { data } = await stack.query(ACCOUNT, { id });
    expect(data.member.points.expiringSoon).toEqual([{ points: 100, on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);

    const first = await expireDueLots(db, jobs, new Date(soon.getTime() + 1));
    expect(first.points).toBeGreaterThanOrEqual(100);
    const second = await expireDueLots(db, jobs, new Date(soon.getTime() + 1));
    expect(second).toEqual({ lots: 0, points: 0 });
    expect(await invariant(id)).toEqual({ ledger: 40, lots: 40, balance: 40, debt: 0 });
    const expired = await stack.query(ACCOUNT, { id, type: 'EXPIRE' });
    expect(expired.data.member.points.history.edges).toEqual([
      { cursor: expect.any(String), node: expect.objectContaining({ type: 'EXPIRE', points: -100, source: 'EXPIRY' }) },
    ]);
  });

  it('Diamond points never expire while the member is Diamond, whatever earned them: orders, check-ins, staff adjustments', async () => {
    const { memberId: id, accessToken } = await stack.loginMember(uniquePhone());
    await stack.services.member.dataSource.query("UPDATE members SET tier_id = 'DIAMOND' WHERE id = ?", [id]);
    await order(id!, 'DIA-1', '10.00');
    expect((await stack.queryAs(accessToken, 'mutation($m: ID!) { checkIn(memberId: $m) { points } }', { m: id })).errors).toBeUndefined();
    const adjust = await stack.querySubgraph(
      'points',
      'mutation($m: ID!) { adjustPoints(memberId: $m, points: 30, reason: "goodwill", idempotencyKey: "dia-adjust-1") { replayed } }',
      { m: id },
      { kind: 'STAFF', subject: 'staff-1', roles: ['OPERATOR'] },
    );
    expect(adjust.errors).toBeUndefined();
    const db = stack.services.points.dataSource;
    const lots = await db.query('SELECT expires_at FROM points_lots WHERE member_id = ?', [id]);
    expect(lots.length).toBeGreaterThanOrEqual(3);
    const before = await invariant(id!);
    // Long after every lot's calendar date, the expiry job (asking the member service) leaves them all.
    await expireDueLots(db, jobs, new Date(Date.now() + 800 * 86_400_000));
    expect(await invariant(id!)).toEqual(before);
    expect(before.balance).toBeGreaterThan(0);
    const [{ n }] = await db.query("SELECT COUNT(*) AS n FROM points_ledger WHERE member_id = ? AND entry_type = 'EXPIRE'", [id]);
    expect(Number(n)).toBe(0);
    expect((await stack.query(ACCOUNT, { id })).data.member.points.expiringSoon).toEqual([]);
  });

  it('burns use the oldest lot first', async () => {
    const id = await newMember();
    await order(id, 'F-1', '10.00');
    await order(id, 'F-2', '20.00');
    await stack.query(
      'mutation($m: ID!) { offsetCheckout(memberId: $m, orderNo: "F-2", offset: "0.15", idempotencyKey: "fifo-offset-1") { pointsUsed } }',
      { m: id },
    );
    const lots = await stack.services.points.dataSource.query(
      'SELECT points, remaining FROM points_lots WHERE member_id = ? ORDER BY earned_at, points',
      [id],
    );
    expect(lots.map((l: { points: number; remaining: number }) => [l.points, l.remaining])).toEqual([
      [10, 0],
      [20, 15],
    ]);
  });
});

describe('history and spend', () => {
  it('pages the ledger newest first with stable cursors, and sums 12-month spend net of refunds', async () => {
    const id = await newMember();
    for (let i = 1; i <= 5; i += 1) await order(id, `H-${i}`, `${i}0.00`);
    await stack.query(REFUND, { orderNo: 'H-5', refundNo: 'HR-1', amount: '20.00' });
    const page1 = (await stack.query(ACCOUNT, { id, first: 4 })).data.member;
    expect(page1.points.history.edges.map((e: any) => e.node.points)).toEqual([-20, 50, 40, 30]);
    expect(page1.points.history.pageInfo.hasNextPage).toBe(true);
    const page2 = (await stack.query(ACCOUNT, { id, first: 4, after: page1.points.history.pageInfo.endCursor })).data.member;
    expect(page2.points.history.edges.map((e: any) => e.node.points)).toEqual([20, 10]);
    expect(page2.points.history.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: page2.points.history.edges[0].cursor,
      endCursor: expect.any(String),
    });
    expect(page1.points.history.pageInfo.hasPreviousPage).toBe(false);
    expect(page1.spend).toEqual({ spend: '130.00', purchases: 5, lastPurchaseAt: expect.stringMatching(/^\d{4}-.*Z$/) });
    expect(Date.now() - Date.parse(page1.spend.lastPurchaseAt)).toBeLessThan(60_000);
    const bad = await stack.query(ACCOUNT, { id, after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('concurrent earn, burn, refund and expiry on one member', () => {
  it('keep balance == Σ ledger == Σ lots, and no lot is consumed twice', async () => {
    const id = await newMember();
    for (let i = 0; i < 5; i += 1) await order(id, `X-SEED-${i}`, '100.00');
    const db = stack.services.points.dataSource;
    const [oldest] = await db.getRepository(PointsLot).find({ where: { memberId: id }, order: { earnedAt: 'ASC' }, take: 1 });
    await db.getRepository(PointsLot).update({ id: oldest.id }, { expiresAt: new Date(Date.now() - 1000) });
    const work: Array<Promise<unknown>> = [];
    for (let i = 0; i < 20; i += 1) {
      work.push(stack.query(RECORD_ORDER, { memberId: id, orderNo: `X-${i}`, amount: '7.00', channel: 'POS' }));
      work.push(
        grpcCall(
          'points',
          'PointsService',
          stack.services.points.grpcAddress,
          'debit',
          {
            memberId: id,
            points: '13',
            source: 'REDEMPTION',
            sourceRef: `x${i}`,
            reason: 'x',
            idempotencyKey: `mixed-burn-${i}`,
          },
          // Twenty burns queue on one account's row lock behind the earns: the invariant is the
          // point here, not latency, so a loaded machine must not turn the wait into a deadline.
          15_000,
        ).catch((error) => error),
      );
      if (i % 5 === 0) work.push(stack.query(REFUND, { orderNo: `X-SEED-${i / 5}`, refundNo: `XR-${i}`, amount: '10.00' }));
      if (i % 4 === 0) work.push(expireDueLots(db, jobs));
    }
    const outcomes = await Promise.all(work);
    // Every command must have been applied (balance 500 + 140 covers 260 of burns, 40 of clawbacks
    // and at most 100 expired): a run where everything failed would keep the invariant trivially.
    const answers = outcomes as Array<{ data?: Record<string, any>; errors?: unknown; code?: string; replayed?: boolean }>;
    expect(answers.filter((a) => a?.data?.recordOrder?.pointsEarned === 7)).toHaveLength(20);
    expect(answers.filter((a) => a?.replayed === false)).toHaveLength(20);
    expect(answers.filter((a) => a?.data?.refundOrder)).toHaveLength(4);
    expect(answers.filter((a) => a?.errors || a?.code)).toEqual([]);
    const state = await invariant(id);
    expect(state.balance).toBe(state.ledger);
    expect(state.lots).toBe(state.balance);
    const [{ negative }] = await db.query('SELECT COUNT(*) AS negative FROM points_lots WHERE remaining < 0 OR remaining > points');
    expect(Number(negative)).toBe(0);
    const [{ expiries }] = await db.query("SELECT COUNT(*) AS expiries FROM points_ledger WHERE member_id = ? AND entry_type = 'EXPIRE'", [
      id,
    ]);
    expect(Number(expiries)).toBeLessThanOrEqual(1);
    // Each point leaves a lot once: what the lots gave up is exactly what the ledger debited.
    const [moved] = await db.query(
      'SELECT (SELECT SUM(points - remaining) FROM points_lots WHERE member_id = ?) AS consumed, ' +
        '(SELECT SUM(points) FROM points_lots WHERE member_id = ?) AS lotted, ' +
        '(SELECT -SUM(points) FROM points_ledger WHERE member_id = ? AND points < 0) AS debited, ' +
        '(SELECT SUM(points) FROM points_ledger WHERE member_id = ? AND points > 0) AS credited',
      [id, id, id, id],
    );
    expect(Number(moved.consumed)).toBe(Number(moved.debited));
    expect(Number(moved.lotted)).toBe(Number(moved.credited));
  });
});
