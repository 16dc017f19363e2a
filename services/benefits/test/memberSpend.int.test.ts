import { grpcCall } from '../../../test/harness/grpc';
import { startStack, type Stack } from '../../../test/harness/startStack';
import { findSpendWindows } from '../src/db/memberSpend';

/**
 * The spend windows the points service sends (RecordSpendStats) and Member.benefits ranking by
 * them: the benefits service with its real database and gRPC server, points beside it.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ withGateway: false });
});
afterAll(() => stack?.stop());

const DAY = 86_400_000;
const YEAR = 365 * DAY;
const record = (members: object[]) =>
  grpcCall('benefits', 'BenefitsService', stack.services.benefits.grpcAddress, 'recordSpendStats', { members });
const windowOf = (memberId: string, asOf: Date, orders: Array<[Date, number, boolean]>) => ({
  memberId,
  asOfEpochMs: String(asOf.getTime()),
  windowMs: String(YEAR),
  orders: orders.map(([at, netFen, counted]) => ({ orderedAtEpochMs: String(at.getTime()), netFen: String(netFen), counted })),
});
const held = async (memberId: string) => (await findSpendWindows(stack.services.benefits.dataSource, [memberId]))[0];

const MEMBER_BENEFITS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { benefits { code score reasons } } } }`;
const ref = (id: string) => ({
  __typename: 'Member',
  id,
  tier: { id: 'GOLD', multiplier: 1.5, pointsNeverExpire: false, effectiveFrom: '2026-01-01T00:00:00.000Z' },
  registeredAt: '2020-01-01T00:00:00Z',
});
const rank = async (...ids: string[]) => {
  const response = await stack.querySubgraph('benefits', MEMBER_BENEFITS, { r: ids.map(ref) });
  expect(response.errors).toBeUndefined();
  return response.data._entities.map((e: { benefits: Array<{ code: string; score: number; reasons: string[] }> }) => e.benefits);
};
const reasonsOf = (ranked: Array<{ reasons: string[] }>) => ranked.flatMap((b) => b.reasons);

describe('RecordSpendStats', () => {
  it('keeps each member’s newest window: an older one never overwrites it, a repeat changes nothing', async () => {
    const now = Date.now();
    const t1 = new Date(now - 3000);
    const t2 = new Date(now - 2000);
    const t3 = new Date(now - 1000);
    await record([windowOf('spend-a', t2, [[new Date(now - 5 * DAY), 20_000, true]]), windowOf('spend-b', t1, [])]);
    // Older for spend-a (a slower replica's delivery landing late): ignored; spend-b's newer one applies.
    await record([
      windowOf('spend-a', t1, [[new Date(now - 9 * DAY), 99_900, true]]),
      windowOf('spend-b', t2, [[new Date(now - DAY), 500, true]]),
    ]);
    expect(await held('spend-a')).toMatchObject({ asOf: t2, orders: [{ netFen: 20_000, counted: true }] });
    expect(await held('spend-b')).toMatchObject({ asOf: t2, orders: [{ netFen: 500 }] });
    // The same asOf again, even with other figures: not newer, so nothing changes.
    await record([windowOf('spend-a', t2, [])]);
    expect((await held('spend-a'))!.orders).toHaveLength(1);
    await record([windowOf('spend-a', t3, [[new Date(now - 5 * DAY), 15_000, true]])]);
    expect(await held('spend-a')).toMatchObject({ asOf: t3, orders: [{ netFen: 15_000 }] });
    // A member named twice in one call keeps the newer.
    await record([windowOf('spend-c', t3, [[new Date(now - DAY), 1, true]]), windowOf('spend-c', t1, [])]);
    expect(await held('spend-c')).toMatchObject({ asOf: t3, orders: [{ netFen: 1 }] });
  });

  it('refuses malformed windows with BAD_USER_INPUT, recording none of the call', async () => {
    const good = windowOf('spend-bad', new Date(), []);
    await expect(record([good, { ...good, memberId: 'spend-bad-2', windowMs: '0' }])).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(record([{ ...good, memberId: '' }])).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await held('spend-bad')).toBeNull();
  });
});

describe('Member.benefits ranked by the windows held', () => {
  it('ranks by the window aged to now: orders that left the rolling 12 months no longer count', async () => {
    const now = Date.now();
    const orders: Array<[Date, number, boolean]> = Array.from({ length: 12 }, (_, i) => [new Date(now - (i + 1) * DAY), 100_000, true]);
    // Sent long ago: two orders then inside the window have since left it.
    const asOf = new Date(now - 200 * DAY);
    await record([
      windowOf('spend-rank', asOf, [...orders, [new Date(now - 400 * DAY), 500_000, true], [new Date(now - 370 * DAY), 1, true]]),
    ]);
    const [ranked] = await rank('spend-rank');
    expect(reasonsOf(ranked)).toContain('frequent 1 (12 purchases in 12 months) × 1 = 1');
    expect(reasonsOf(ranked)).toContain('highValue 1 (12000.00 CNY spent in 12 months) × 3 = 3');
    expect(reasonsOf(ranked)).not.toContain('spend unavailable: ranked without spend');
  });

  it('asks points for a member it holds no window for, in the same request as members it holds one for', async () => {
    const [withWindow, without] = await rank('spend-rank', 'spend-never-sent');
    expect(reasonsOf(withWindow)).toContain('frequent 1 (12 purchases in 12 months) × 1 = 1');
    // Points knows no orders of this member: zeros, measured (a long-standing member without purchases is dormant).
    expect(reasonsOf(without)).not.toContain('spend unavailable: ranked without spend');
    expect(reasonsOf(without).some((r) => r.startsWith('dormant 1 (no purchase in'))).toBe(true);
  });

  describe('with the points service down', () => {
    beforeAll(() => stack.services.points.stop());

    it('still ranks a member with a window by their spend; one without is ranked without it, saying so', async () => {
      const [withWindow, without] = await rank('spend-rank', 'spend-never-sent');
      expect(reasonsOf(withWindow)).toContain('frequent 1 (12 purchases in 12 months) × 1 = 1');
      expect(reasonsOf(withWindow)).not.toContain('spend unavailable: ranked without spend');
      expect(without.every((b: { reasons: string[] }) => b.reasons.includes('spend unavailable: ranked without spend'))).toBe(true);
    });
  });
});
