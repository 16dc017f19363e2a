import { RECORD_ORDER } from '../harness/operations';
import { spendSent } from '../harness/spendSent';
import { startStack, type Stack } from '../harness/startStack';

/**
 * Member.benefits, ranked, through the gateway: the gateway hands the benefits service the member's
 * registration (member service) by @requires, benefits ranks by the 12-month spend the points
 * service sends it from its outbox (over gRPC for a member it was never sent), and each member of
 * the programme gets their own order with the reasons for it; with points down a member with
 * orders is still ranked by their spend, and one benefits holds none for without it, saying so.
 */
let stack: Stack;
let fresh: { token: string; id: string };
let regular: { token: string; id: string };

const RANKED = '{ me { tier { id } benefits { code score reasons } } }';
const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  stack = await startStack();
  const a = await stack.loginMember('13855550001');
  const b = await stack.loginMember('13855550002');
  fresh = { token: a.accessToken, id: a.memberId! };
  regular = { token: b.accessToken, id: b.memberId! };
  for (let i = 1; i <= 12; i += 1) {
    const order = await stack.query(RECORD_ORDER, { memberId: regular.id, orderNo: `RANK-${i}`, amount: '1000.00', channel: 'WEB' });
    expect(order.errors).toBeUndefined();
  }
  // Benefits ranks by the spend points sends it after each answer (its outbox, after a short linger): all twelve orders.
  await spendSent(stack.services.points.dataSource);
});
afterAll(() => stack?.stop());

describe('Member.benefits, ranked', () => {
  it('ranks a new member’s benefits for a newcomer, saying why', async () => {
    const response = await stack.queryAs(fresh.token, RANKED);
    expect(response.errors).toBeUndefined();
    const ranked = response.data.me.benefits;
    expect(response.data.me.tier.id).toBe('REGULAR');
    expect(ranked.map((r: any) => [r.code, r.score])).toEqual([
      ['DISCOUNT', 4],
      ['POINTS_ACCELERATION', 3],
      ['BIRTHDAY', 1],
      ['PRIORITY_SERVICE', 1],
    ]);
    expect(ranked[0].reasons).toEqual(['base value of a DISCOUNT benefit: 3', 'newMember 1 (joined 0 days ago) × 1 = 1']);
  });

  it('ranks a frequent, high-spending member’s differently, from the points service’s figures', async () => {
    const response = await stack.queryAs(regular.token, RANKED);
    expect(response.errors).toBeUndefined();
    expect(response.data.me.tier.id).toBe('SILVER');
    const ranked = response.data.me.benefits;
    expect(ranked.map((r: any) => r.code)).toEqual([
      'POINTS_ACCELERATION', // 2 + frequent 2 + new 1
      'COMMUNITY', // 1 + new 2 + frequent 1 + high value 1
      'DISCOUNT', // 3 + new 1
      'PRIORITY_SERVICE', // 1 + high value 3
      'EXCLUSIVE_EVENTS', // 1 + high value 2 + frequent 1
      'BIRTHDAY',
    ]);
    expect(ranked[1].reasons).toContain('highValue 1 (12000.00 CNY spent in 12 months) × 1 = 1');
  });

  it("is the member's own (or staff's) to read", async () => {
    const foreign = await stack.queryAs(fresh.token, 'query($id: ID!) { member(id: $id) { benefits { score } } }', {
      id: regular.id,
    });
    expect(codeOf(foreign)).toBe('FORBIDDEN');
    const staff = await stack.query('query($id: ID!) { member(id: $id) { benefits { code } } }', { id: regular.id });
    expect(staff.data.member.benefits[0].code).toBe('POINTS_ACCELERATION');
  });
});

describe('ratings', () => {
  const RATE = 'mutation($c: String!, $s: Int!) { rateBenefit(benefitCode: $c, score: $s) { benefitCode score } }';
  const SUMMARY = 'query($f: Boolean) { benefitRatings(flaggedOnly: $f) { benefit { code name } ratings average flaggedForRedesign } }';

  it('members rate benefits 1–10, once each (again replaces), and see their own rating on their benefits', async () => {
    expect((await stack.queryAs(fresh.token, RATE, { c: 'BIRTHDAY', s: 3 })).data.rateBenefit).toEqual({
      benefitCode: 'BIRTHDAY',
      score: 3,
    });
    await stack.queryAs(fresh.token, RATE, { c: 'BIRTHDAY', s: 5 });
    await stack.queryAs(regular.token, RATE, { c: 'BIRTHDAY', s: 8 });
    await stack.queryAs(regular.token, RATE, { c: 'DISCOUNT', s: 9 });
    const mine = await stack.queryAs(fresh.token, '{ me { benefits { code rating } } }');
    expect(mine.data.me.benefits.find((b: any) => b.code === 'BIRTHDAY').rating).toBe(5);
    expect(mine.data.me.benefits.find((b: any) => b.code === 'DISCOUNT').rating).toBeNull();
  });

  it('staff see benefits averaging below 7 flagged for redesign', async () => {
    const all = await stack.query(SUMMARY, {});
    expect(all.errors).toBeUndefined();
    expect(all.data.benefitRatings).toEqual([
      { benefit: { code: 'BIRTHDAY', name: expect.any(String) }, ratings: 2, average: 6.5, flaggedForRedesign: true },
      { benefit: { code: 'DISCOUNT', name: expect.any(String) }, ratings: 1, average: 9, flaggedForRedesign: false },
    ]);
    const flagged = await stack.query(SUMMARY, { f: true });
    expect(flagged.data.benefitRatings.map((r: any) => r.benefit.code)).toEqual(['BIRTHDAY']);
  });

  it('refuses a bad score with a code, a member reading the staff summary, and staff rating for a member', async () => {
    expect(codeOf(await stack.queryAs(fresh.token, RATE, { c: 'BIRTHDAY', s: 11 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await stack.queryAs(fresh.token, RATE, { c: 'NO_SUCH', s: 5 }))).toBe('NOT_FOUND');
    expect(codeOf(await stack.queryAs(fresh.token, SUMMARY, {}))).toBe('FORBIDDEN');
    expect(codeOf(await stack.query(RATE, { c: 'BIRTHDAY', s: 1 }))).toBe('FORBIDDEN');
    const all = await stack.query(SUMMARY, {});
    expect(all.data.benefitRatings[0]).toMatchObject({ ratings: 2, average: 6.5 });
  });
});

describe('with the points service down', () => {
  let before: Array<{ code: string; score: number; reasons: string[] }>;
  beforeAll(async () => {
    // The regular member's orders have reached benefits from points' outbox (RecordSpendStats).
    await spendSent(stack.services.points.dataSource);
    before = (await stack.queryAs(regular.token, RANKED)).data.me.benefits;
    await stack.services.points.stop();
  });

  // The spend is not brought by @requires: benefits holds what points sent it, so a member with
  // orders is ranked by their spend as before; one it holds nothing for would be asked of points
  // over gRPC, and without it the list is still ranked, by the tier and what the member service gave.
  it('ranks a member with orders by the spend benefits holds, as with points up; the card stays', async () => {
    const response = await stack.queryAs(
      regular.token,
      '{ me { maskedPhone tier { id benefits { code } } benefits { code score reasons } } }',
    );
    expect(response.data.me.maskedPhone).toBe('138****0002');
    expect(response.data.me.tier.benefits.map((b: { code: string }) => b.code)).toContain('DISCOUNT');
    expect(response.data.me.benefits).toEqual(before);
    expect(before[0].code).toBe('POINTS_ACCELERATION');
    expect(before.some((r) => r.reasons.includes('spend unavailable: ranked without spend'))).toBe(false);
  });

  it('ranks a member benefits holds no spend for without the spend features, saying so on each', async () => {
    const response = await stack.queryAs(fresh.token, RANKED);
    expect(response.errors).toBeUndefined();
    const ranked = response.data.me.benefits;
    expect(ranked.map((r: any) => [r.code, r.score])).toEqual([
      ['DISCOUNT', 4], // 3 + new 1
      ['POINTS_ACCELERATION', 3], // 2 + new 1
      ['BIRTHDAY', 1],
      ['PRIORITY_SERVICE', 1], // high value left out
    ]);
    expect(ranked[0].reasons).toEqual([
      'base value of a DISCOUNT benefit: 3',
      'newMember 1 (joined 0 days ago) × 1 = 1',
      'spend unavailable: ranked without spend',
    ]);
    expect(ranked.every((r: any) => r.reasons.includes('spend unavailable: ranked without spend'))).toBe(true);
  });
});
