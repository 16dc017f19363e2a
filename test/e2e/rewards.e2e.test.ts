import { RECORD_ORDER } from '../harness/operations';
import { postGraphQL, startStack, type Stack } from '../harness/startStack';

/**
 * Rewards for points through the real gateway: staff define the catalogue, a member reads it,
 * redeems a coupon reward and a goods reward (the saga runs to COMPLETED: the price leaves their
 * points, the coupon shows among their coupons), and every bad input of issue 16 — an unknown
 * reward, more points than they have, their limit reached, a tier the reward is not for, another
 * member's account — is a coded error with nothing reserved.
 */
let stack: Stack;
let alice: { token: string; id: string };
let bob: { token: string; id: string };

const REDEEM = `mutation($r: ID!, $k: String!, $m: ID) { redeemReward(rewardId: $r, idempotencyKey: $k, memberId: $m) {
  id state points voucherCode failure { step code } reward { id stockLeft } coupon { id status source template { code } } } }`;
const REWARDS = `query($first: Int, $after: String) { rewards(first: $first, after: $after) {
  edges { cursor node { id name kind pointsPrice stockLeft perMemberLimit tiers couponTemplate { code } goodsSku } }
  pageInfo { hasNextPage endCursor } } }`;
const ME = `query { me { points { balance available held } coupons { edges { node { id source } } }
  rewardRedemptions { edges { node { id state reward { id } } } } } }`;

const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;
const reasonOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.reason;

beforeAll(async () => {
  stack = await startStack();
  const a = await stack.loginMember('13877780001');
  const b = await stack.loginMember('13877780002');
  alice = { token: a.accessToken, id: a.memberId! };
  bob = { token: b.accessToken, id: b.memberId! };
  const template = await stack.query('mutation($i: CouponTemplateInput!) { defineCouponTemplate(input: $i) { code } }', {
    i: { code: 'TEA_VOUCHER', name: 'Tea 30 off', kind: 'NO_THRESHOLD', amount: '30.00', validDays: 30, perMemberLimit: 5, stock: 100 },
  });
  expect(template.errors).toBeUndefined();
  for (const input of [
    { code: 'TEA30', name: 'Tea voucher', kind: 'COUPON', templateCode: 'TEA_VOUCHER', pointsPrice: 300, stock: 10, perMemberLimit: 1 },
    { code: 'TOTE', name: 'Tote bag', kind: 'GOODS', goodsSku: 'TOTE-1', pointsPrice: 200, stock: 5, perMemberLimit: 2 },
    {
      code: 'LOUNGE',
      name: 'Lounge pass',
      kind: 'GOODS',
      goodsSku: 'LOUNGE-1',
      pointsPrice: 100,
      stock: 5,
      perMemberLimit: 1,
      tiers: ['DIAMOND'],
    },
  ]) {
    const defined = await stack.query('mutation($i: RewardInput!) { defineReward(input: $i) { id stockLeft } }', { i: input });
    expect(defined.errors).toBeUndefined();
  }
  const earned = await stack.query(RECORD_ORDER, { memberId: alice.id, orderNo: 'REWARDS-E2E-1', amount: '600.00', channel: 'WEB' });
  expect(earned.errors).toBeUndefined();
});
afterAll(() => stack?.stop());

describe('the rewards catalogue', () => {
  it('is a Relay connection a member can page through', async () => {
    const first = await stack.queryAs(alice.token, REWARDS, { first: 2 });
    expect(first.errors).toBeUndefined();
    expect(first.data.rewards.edges).toHaveLength(2);
    expect(first.data.rewards.pageInfo.hasNextPage).toBe(true);
    const rest = await stack.queryAs(alice.token, REWARDS, { first: 2, after: first.data.rewards.pageInfo.endCursor });
    const all = [...first.data.rewards.edges, ...rest.data.rewards.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(all.sort()).toEqual(['LOUNGE', 'TEA30', 'TOTE']);
    expect(rest.data.rewards.pageInfo.hasNextPage).toBe(false);
  });

  it('is not for a partner key, nor anyone signed out', async () => {
    const issued = await stack.query('mutation { issuePartnerKey(partner: "tea-house") { key } }');
    const asPartner = await postGraphQL(stack.gatewayUrl, REWARDS, { first: 5 }, { 'x-api-key': issued.data.issuePartnerKey.key });
    expect(codeOf(asPartner.body)).toBe('FORBIDDEN');
    expect(codeOf(await stack.queryAs(null, REWARDS, { first: 5 }))).toBe('UNAUTHENTICATED');
  });

  it('is defined and changed by staff only', async () => {
    const byMember = await stack.queryAs(alice.token, 'mutation { updateReward(id: "TOTE", change: { addStock: 100 }) { id } }');
    expect(codeOf(byMember)).toBe('FORBIDDEN');
    const byStaff = await stack.query(
      'mutation { updateReward(id: "TOTE", change: { addStock: 1, name: "Canvas tote" }) { name stock stockLeft } }',
    );
    expect(byStaff.data.updateReward).toEqual({ name: 'Canvas tote', stock: 6, stockLeft: 6 });
  });
});

describe('redeemReward', () => {
  it('a member redeems a coupon reward: the saga completes, the price leaves their points, the coupon is theirs', async () => {
    const done = await stack.queryAs(alice.token, REDEEM, { r: 'TEA30', k: 'alice-tea-0001' });
    expect(done.errors).toBeUndefined();
    expect(done.data.redeemReward).toMatchObject({
      state: 'COMPLETED',
      points: 300,
      failure: null,
      reward: { id: 'TEA30', stockLeft: 9 },
      coupon: { status: 'AVAILABLE', source: 'REWARD', template: { code: 'TEA_VOUCHER' } },
    });
    // The same key again answers the same redemption.
    const again = await stack.queryAs(alice.token, REDEEM, { r: 'TEA30', k: 'alice-tea-0001' });
    expect(again.data.redeemReward.id).toBe(done.data.redeemReward.id);
    const me = await stack.queryAs(alice.token, ME);
    expect(me.data.me.points).toEqual({ balance: 300, available: 300, held: 0 });
    expect(me.data.me.coupons.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(done.data.redeemReward.coupon.id);
    expect(me.data.me.rewardRedemptions.edges).toEqual([
      { node: { id: done.data.redeemReward.id, state: 'COMPLETED', reward: { id: 'TEA30' } } },
    ]);
  });

  it('a goods reward completes with a voucher code', async () => {
    const done = await stack.queryAs(alice.token, REDEEM, { r: 'TOTE', k: 'alice-tote-0001' });
    expect(done.data.redeemReward).toMatchObject({ state: 'COMPLETED', coupon: null, voucherCode: expect.stringMatching(/^RV-/) });
  });

  it.each([
    ['an unknown reward', 'NO_SUCH_REWARD', 'NOT_FOUND', undefined],
    ['their limit reached', 'TEA30', 'CONFLICT', 'PER_MEMBER_LIMIT'],
    ['a tier the reward is not for', 'LOUNGE', 'FORBIDDEN', 'TIER_RESTRICTED'],
    ['more points than they have', 'TOTE', 'INSUFFICIENT_POINTS', undefined],
  ])('refuses %s with a code, reserving nothing', async (_, rewardId, code, reason) => {
    // Alice has 100 points left after the tea voucher and a tote.
    const before = await stack.queryAs(alice.token, REWARDS, { first: 10 });
    const refused = await stack.queryAs(alice.token, REDEEM, { r: rewardId, k: `alice-refused-${rewardId}` });
    expect(refused.data).toBeNull();
    expect(codeOf(refused)).toBe(code);
    expect(reasonOf(refused)).toBe(reason);
    expect(await stack.queryAs(alice.token, REWARDS, { first: 10 })).toEqual(before);
    const me = await stack.queryAs(alice.token, ME);
    expect(me.data.me.points).toEqual({ balance: 100, available: 100, held: 0 });
    expect(me.data.me.rewardRedemptions.edges).toHaveLength(2);
  });

  it("a member cannot redeem on another member's account; staff with a desk role can, naming the member", async () => {
    const foreign = await stack.queryAs(bob.token, REDEEM, { r: 'TOTE', k: 'bob-for-alice-1', m: alice.id });
    expect(codeOf(foreign)).toBe('FORBIDDEN');
    const anonymous = await stack.queryAs(null, REDEEM, { r: 'TOTE', k: 'anonymous-0001' });
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    const noPoints = await stack.query(REDEEM, { r: 'TOTE', k: 'desk-for-bob-1', m: bob.id });
    expect(codeOf(noPoints)).toBe('INSUFFICIENT_POINTS');
  });
});
