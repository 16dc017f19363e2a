import { spendAt } from '../../services/benefits/src/domain/spendWindow';
import { findSpendWindows, recordSpendWindows } from '../../services/benefits/src/db/memberSpend';
import { readCommonConfig } from '../../services/kit/src';
import { spendStats } from '../../services/points/src/db/spendStats';
import { SPEND_EVENTS_KEY, spendHandler } from '../../services/points/src/commands/publishSpend';
import { benefitsPeer } from '../../services/points/src/grpc/peers';
import { grpcCall } from '../harness/grpc';
import { REGISTER, uniquePhone } from '../harness/operations';
import { spendSent } from '../harness/spendSent';
import { startStack, type Stack } from '../harness/startStack';

/**
 * Member.benefits ranks by the spend the points service sends from its outbox (issue 19): the
 * whole stack through the gateway. What benefits holds gives exactly what GetSpendStats answers,
 * now and as time passes; orders and refunds reach it after their commits; an older delivery never
 * replaces a newer; with points down the card is still ranked by it; a member it holds nothing for
 * is ranked from points over gRPC, as before.
 */
let stack: Stack;
let ranked: string; // orders placed over the last year
let buyer: string; // orders and refunds during the test
let never: string; // no order: nothing sent
const DAY = 86_400_000;

const ORDER = `mutation($m: ID!, $o: String!, $a: String!, $at: String) {
  recordOrder(memberId: $m, orderNo: $o, amount: $a, channel: POS, orderedAt: $at) { orderNo } }`;
const REFUND = 'mutation($o: String!, $r: String!, $a: String!) { refundOrder(orderNo: $o, refundNo: $r, amount: $a) { refundNo } }';
const BENEFITS = 'query($id: ID!) { member(id: $id) { benefits { code score reasons } } }';

const ok = async (query: string, variables: Record<string, unknown>) => {
  const response = await stack.query(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data;
};
const benefitsOf = async (memberId: string) => (await ok(BENEFITS, { id: memberId })).member.benefits;
const held = async (memberId: string) => (await findSpendWindows(stack.services.benefits.dataSource, [memberId]))[0];
const pointsFigures = (memberId: string, at: Date) => spendStats(stack.services.points.dataSource, [memberId], at).then(([s]) => s);

beforeAll(async () => {
  stack = await startStack();
  const register = async () => (await ok(REGISTER, { phone: uniquePhone(), channel: 'POS' })).registerMember.id as string;
  [ranked, buyer, never] = [await register(), await register(), await register()];
  // An ADMIN records late orders up to a year back: some will leave the rolling window soon.
  const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
  for (const [i, [days, amount]] of (
    [
      [360, '5000.00'],
      [200, '3000.00'],
      [40, '100.00'],
      [0, '50.00'],
    ] as const
  ).entries()) {
    await ok(ORDER, { m: ranked, o: `SPEND-R-${i}`, a: amount, at: days ? ago(days) : null });
  }
  await ok(REFUND, { o: 'SPEND-R-1', r: 'SPEND-R-1-R', a: '1000.00' });
  await spendSent(stack.services.points.dataSource);
});
afterAll(() => stack?.stop());

describe('the spend benefits holds', () => {
  it('is exactly what GetSpendStats answers now, and what points’ figures are at every later instant as orders leave the window', async () => {
    const window = (await held(ranked))!;
    expect(window.orders).toHaveLength(4);
    const [wire] = (await grpcCall('points', 'PointsService', stack.services.points.grpcAddress, 'getSpendStats', { memberIds: [ranked] }))
      .stats;
    const now = spendAt(window, new Date());
    expect({ spendFen: String(now.spendFen), purchases: now.purchases, last: String(now.lastPurchaseAt!.getTime()) }).toEqual({
      spendFen: wire.spendFen,
      purchases: wire.purchases,
      last: wire.lastPurchaseEpochMs,
    });
    for (const days of [1, 4, 5, 6, 100, 165, 166, 325, 326, 364, 366]) {
      const at = new Date(Date.now() + days * DAY);
      expect(spendAt(window, at)).toEqual(await pointsFigures(ranked, at));
    }
  });

  it('ranks the card exactly as the gRPC path does (the member’s window taken away, then put back)', async () => {
    const fromWindow = await benefitsOf(ranked);
    const window = (await held(ranked))!;
    await stack.services.benefits.dataSource.query('DELETE FROM member_spend WHERE member_id = ?', [ranked]);
    try {
      const fromPoints = await benefitsOf(ranked);
      expect(fromWindow).toEqual(fromPoints);
      expect(JSON.stringify(fromWindow)).toContain('7150.00 CNY spent in 12 months');
    } finally {
      await recordSpendWindows(stack.services.benefits.dataSource, [window]);
    }
  });

  it('follows an order after its delivery, and a refund lowers it', async () => {
    expect(await held(buyer)).toBeNull();
    await ok(ORDER, { m: buyer, o: 'SPEND-B-1', a: '200.00', at: null });
    await spendSent(stack.services.points.dataSource);
    expect(spendAt((await held(buyer))!, new Date())).toMatchObject({ spendFen: 20_000, purchases: 1 });
    expect(JSON.stringify(await benefitsOf(buyer))).toContain('200.00 CNY spent in 12 months');
    await ok(REFUND, { o: 'SPEND-B-1', r: 'SPEND-B-1-R1', a: '50.00' });
    await spendSent(stack.services.points.dataSource);
    expect(spendAt((await held(buyer))!, new Date())).toMatchObject({ spendFen: 15_000, purchases: 1 });
    await ok(REFUND, { o: 'SPEND-B-1', r: 'SPEND-B-1-R2', a: '150.00' });
    await spendSent(stack.services.points.dataSource);
    const refunded = spendAt((await held(buyer))!, new Date());
    expect(refunded).toEqual(await pointsFigures(buyer, new Date()));
    expect(refunded).toMatchObject({ spendFen: 0, purchases: 0 });
  });

  it('is never replaced by an older delivery (a slow replica’s, or a redelivery that read before the last)', async () => {
    const newest = (await held(buyer))!;
    const config = readCommonConfig('points', stack.env);
    const benefits = benefitsPeer({ ...config, benefitsGrpcAddress: stack.services.benefits.grpcAddress });
    try {
      // Points' own handler, its read stamped before the one benefits holds, sending the order as it was then (unrefunded).
      const stale = spendHandler(stack.services.points.dataSource, benefits, { clock: () => new Date(newest.asOf.getTime() - 1) });
      await grpcCall('benefits', 'BenefitsService', stack.services.benefits.grpcAddress, 'recordSpendStats', {
        members: [
          {
            memberId: buyer,
            asOfEpochMs: String(newest.asOf.getTime() - 1),
            windowMs: String(newest.windowMs),
            orders: [{ orderedAtEpochMs: String(newest.orders[0].orderedAtMs), netFen: '20000', counted: true }],
          },
        ],
      });
      await stale([
        { id: 'x', type: 'benefits.spend', version: 1, key: SPEND_EVENTS_KEY, payload: { memberId: buyer }, createdAt: new Date() },
      ]);
      expect(await held(buyer)).toEqual(newest);
    } finally {
      benefits.close();
    }
  });
});

describe('with the points service down', () => {
  beforeAll(() => stack.services.points.stop());

  it('the card is still ranked by the spend benefits holds; a member it holds none for is ranked without it, saying so', async () => {
    const card = await benefitsOf(ranked);
    expect(JSON.stringify(card)).toContain('7150.00 CNY spent in 12 months');
    expect(JSON.stringify(card)).not.toContain('spend unavailable');
    expect(await held(never)).toBeNull();
    const without = await benefitsOf(never);
    expect(without.every((b: { reasons: string[] }) => b.reasons.includes('spend unavailable: ranked without spend'))).toBe(true);
  });
});
