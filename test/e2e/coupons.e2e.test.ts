import { Coupon } from '../../services/benefits/src/db/entities/Coupon';
import { CouponRedemption } from '../../services/benefits/src/db/entities/CouponRedemption';
import { CouponTemplate } from '../../services/benefits/src/db/entities/CouponTemplate';
import { startStack, type Stack } from '../harness/startStack';

/**
 * Coupons through the real gateway, for the caller each operation is meant for: staff define
 * templates and issue; a member sees only their own coupons, validates a cart (their tier discount
 * included, with its source) and redeems on an order; a POS account works its own store only.
 * Every bad input of issue 16 is a coded error that writes nothing.
 */
let stack: Stack;
let alice: { token: string; id: string };
let bob: { token: string; id: string };
let pos: string;

const DEFINE = 'mutation($i: CouponTemplateInput!) { defineCouponTemplate(input: $i) { code kind amount minSpend stockLeft channels } }';
const ISSUE =
  'mutation($t: String!, $m: ID!, $k: String!) { issueCoupon(templateCode: $t, memberId: $m, idempotencyKey: $k) { replayed coupon { id status template { code } } } }';
const VALIDATE = `query($m: ID!, $cart: CartInput!, $ids: [ID!]) { validateCoupons(memberId: $m, cart: $cart, couponIds: $ids) {
  subtotal discount payable lines { source sourceId label discount }
  coupons { coupon { id template { code } } selected applicable discount reason } } }`;
const REDEEM = `mutation($m: ID!, $o: String!, $cart: CartInput!, $ids: [ID!]!) { redeemCoupons(memberId: $m, orderNo: $o, cart: $cart, couponIds: $ids) {
  orderNo discount payable replayed lines { source discount } } }`;
const MY_COUPONS = `query($s: CouponStatus, $first: Int, $after: String) { me { coupons(status: $s, first: $first, after: $after) {
  edges { cursor node { id status orderNo discount template { code } } } pageInfo { hasNextPage endCursor } } } }`;

const CART = { channel: 'WEB', items: [{ sku: 'TEA-1', quantity: 2, unitPrice: '129.00' }] };
const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;
const reasonOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.reason;

async function issue(templateCode: string, memberId: string, key: string): Promise<string> {
  const response = await stack.query(ISSUE, { t: templateCode, m: memberId, k: key });
  expect(response.errors).toBeUndefined();
  return response.data.issueCoupon.coupon.id;
}

beforeAll(async () => {
  stack = await startStack();
  const a = await stack.loginMember('13877770001');
  const b = await stack.loginMember('13877770002');
  alice = { token: a.accessToken, id: a.memberId! };
  bob = { token: b.accessToken, id: b.memberId! };
  const created = await stack.query('mutation($input: StaffInput!) { createStaff(input: $input) { id } }', {
    input: { username: 'till-c001', password: 'a-long-till-password-1', roles: ['POS'], store: 'C001' },
  });
  expect(created.errors).toBeUndefined();
  pos = (await stack.loginStaff('till-c001', 'a-long-till-password-1')).accessToken;
  for (const input of [
    {
      code: 'WELCOME20',
      name: 'Welcome 20 off',
      kind: 'NO_THRESHOLD',
      amount: '20.00',
      validDays: 30,
      perMemberLimit: 3,
      stock: 100,
      stackGroup: 'WELCOME',
    },
    {
      code: 'OFF30',
      name: '30 off 200',
      kind: 'SPEND_THRESHOLD',
      amount: '30.00',
      minSpend: '200.00',
      validDays: 30,
      perMemberLimit: 1,
      stock: 10,
    },
    {
      code: 'APPONLY',
      name: 'Mini-program 5 off',
      kind: 'NO_THRESHOLD',
      amount: '5.00',
      validDays: 30,
      perMemberLimit: 1,
      stock: 10,
      channels: ['MINI_PROGRAM'],
    },
  ]) {
    const defined = await stack.query(DEFINE, { i: input });
    expect(defined.errors).toBeUndefined();
  }
});
afterAll(() => stack?.stop());

describe('coupons through the gateway', () => {
  it('staff issue once per key; a member sees their own coupons, newest first, in pages', async () => {
    const first = await stack.query(ISSUE, { t: 'WELCOME20', m: alice.id, k: 'e2e-issue-alice-1' });
    const again = await stack.query(ISSUE, { t: 'WELCOME20', m: alice.id, k: 'e2e-issue-alice-1' });
    expect(again.data.issueCoupon).toEqual({ ...first.data.issueCoupon, replayed: true });
    await issue('OFF30', alice.id, 'e2e-issue-alice-2');
    await issue('APPONLY', alice.id, 'e2e-issue-alice-3');
    await issue('WELCOME20', bob.id, 'e2e-issue-bob-1');

    const page1 = await stack.queryAs(alice.token, MY_COUPONS, { first: 2 });
    expect(page1.errors).toBeUndefined();
    expect(page1.data.me.coupons.edges.map((e: any) => e.node.template.code)).toEqual(['APPONLY', 'OFF30']);
    expect(page1.data.me.coupons.pageInfo.hasNextPage).toBe(true);
    const page2 = await stack.queryAs(alice.token, MY_COUPONS, { first: 2, after: page1.data.me.coupons.pageInfo.endCursor });
    expect(page2.data.me.coupons.edges.map((e: any) => e.node.template.code)).toEqual(['WELCOME20']);
    expect(page2.data.me.coupons.pageInfo.hasNextPage).toBe(false);
    expect(await stack.services.benefits.dataSource.getRepository(CouponTemplate).findOneByOrFail({ code: 'WELCOME20' })).toMatchObject({
      stockLeft: 98,
    });
  });

  it('staff page through the templates; members may not list them', async () => {
    const TEMPLATES =
      'query($after: String) { couponTemplates(first: 2, after: $after) { edges { node { code stockLeft } } pageInfo { hasNextPage endCursor } } }';
    const first = await stack.query(TEMPLATES);
    expect(first.errors).toBeUndefined();
    expect(first.data.couponTemplates.pageInfo.hasNextPage).toBe(true);
    const second = await stack.query(TEMPLATES, { after: first.data.couponTemplates.pageInfo.endCursor });
    expect(second.data.couponTemplates.pageInfo.hasNextPage).toBe(false);
    const codes = [...first.data.couponTemplates.edges, ...second.data.couponTemplates.edges].map((e: any) => e.node.code);
    expect(codes.sort()).toEqual(['APPONLY', 'OFF30', 'WELCOME20']);
    expect(codeOf(await stack.queryAs(alice.token, TEMPLATES))).toBe('FORBIDDEN');
  });

  it("a member cannot read another member's coupons, nor issue coupons", async () => {
    const foreign = await stack.queryAs(bob.token, 'query($id: ID!) { member(id: $id) { coupons { edges { node { id } } } } }', {
      id: alice.id,
    });
    expect(foreign.data?.member?.coupons ?? null).toBeNull();
    expect(['FORBIDDEN']).toContain(codeOf(foreign));
    expect(codeOf(await stack.queryAs(alice.token, ISSUE, { t: 'WELCOME20', m: alice.id, k: 'e2e-self-issue-1' }))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await stack.queryAs(alice.token, DEFINE, {
          i: { code: 'FREE', name: 'free', kind: 'NO_THRESHOLD', amount: '99.00', validDays: 1, perMemberLimit: 9, stock: 9 },
        }),
      ),
    ).toBe('FORBIDDEN');
  });

  it("validates a cart: the member's tier discount as a line with its source, each coupon's discount or reason", async () => {
    const response = await stack.queryAs(alice.token, VALIDATE, { m: alice.id, cart: CART });
    expect(response.errors).toBeUndefined();
    const plan = response.data.validateCoupons;
    // A new member is REGULAR: 10% of 258.00
    expect(plan).toMatchObject({ subtotal: '258.00', discount: '25.80', payable: '232.20' });
    expect(plan.lines).toEqual([
      { source: 'TIER_BENEFIT', sourceId: 'REGULAR:DISCOUNT', label: 'REGULAR member discount 10% off', discount: '25.80' },
    ]);
    const byCode = Object.fromEntries(plan.coupons.map((c: any) => [c.coupon.template.code, [c.applicable, c.discount, c.reason]]));
    expect(byCode).toEqual({ WELCOME20: [true, '20.00', null], OFF30: [true, '30.00', null], APPONLY: [false, null, 'WRONG_CHANNEL'] });
  });

  it('redeems on an order once per orderNo, and the coupon shows as used', async () => {
    const mine = await stack.queryAs(alice.token, MY_COUPONS, { s: 'AVAILABLE', first: 10 });
    const off30 = mine.data.me.coupons.edges.find((e: any) => e.node.template.code === 'OFF30').node.id;
    const first = await stack.queryAs(alice.token, REDEEM, { m: alice.id, o: 'WEB-ORDER-1', cart: CART, ids: [off30] });
    expect(first.errors).toBeUndefined();
    expect(first.data.redeemCoupons).toMatchObject({ discount: '55.80', payable: '202.20', replayed: false });
    // The order is charged with the tier's discount applied, as its own line, before the coupon.
    expect(first.data.redeemCoupons.lines).toEqual([
      { source: 'TIER_BENEFIT', discount: '25.80' },
      { source: 'COUPON', discount: '30.00' },
    ]);
    const again = await stack.queryAs(alice.token, REDEEM, { m: alice.id, o: 'WEB-ORDER-1', cart: CART, ids: [off30] });
    expect(again.data.redeemCoupons).toEqual({ ...first.data.redeemCoupons, replayed: true });
    const used = await stack.queryAs(alice.token, MY_COUPONS, { s: 'REDEEMED', first: 10 });
    expect(used.data.me.coupons.edges.map((e: any) => e.node)).toEqual([
      { id: off30, status: 'REDEEMED', orderNo: 'WEB-ORDER-1', discount: '30.00', template: { code: 'OFF30' } },
    ]);
  });

  it('a POS account validates at its own store only, charging what the web charges (the tier discount line with its source)', async () => {
    const atTill = await stack.queryAs(pos, VALIDATE, { m: alice.id, cart: { ...CART, channel: 'POS' } });
    expect(atTill.errors).toBeUndefined();
    const onWeb = await stack.queryAs(alice.token, VALIDATE, { m: alice.id, cart: CART });
    const charge = (plan: any) => ({ subtotal: plan.subtotal, discount: plan.discount, payable: plan.payable, lines: plan.lines });
    expect(charge(atTill.data.validateCoupons)).toEqual(charge(onWeb.data.validateCoupons));
    expect(atTill.data.validateCoupons.lines[0]).toMatchObject({ source: 'TIER_BENEFIT', sourceId: 'REGULAR:DISCOUNT' });
    const elsewhere = await stack.queryAs(pos, VALIDATE, { m: alice.id, cart: { ...CART, channel: 'POS', store: 'C002' } });
    expect(codeOf(elsewhere)).toBe('FORBIDDEN');
  });

  describe('bad input: a coded error, nothing written', () => {
    const counts = async () => {
      const ds = stack.services.benefits.dataSource;
      return {
        coupons: await ds.getRepository(Coupon).count(),
        redemptions: await ds.getRepository(CouponRedemption).count(),
        stock: (await ds.getRepository(CouponTemplate).find({ order: { code: 'ASC' } })).map((t) => t.stockLeft),
        used: await ds.getRepository(Coupon).countBy({ status: 'REDEEMED' }),
      };
    };
    let bobsCoupon: string;
    let aliceWelcome: string[];
    let aliceApponly: string;
    let aliceOff30: string;
    beforeAll(async () => {
      bobsCoupon = (await stack.queryAs(bob.token, MY_COUPONS, { first: 1 })).data.me.coupons.edges[0].node.id;
      await issue('WELCOME20', alice.id, 'e2e-issue-alice-4');
      const held = await stack.services.benefits.dataSource.getRepository(Coupon).findBy({ memberId: alice.id });
      const of = (code: string) => held.filter((c) => c.templateCode === code).map((c) => c.id);
      aliceWelcome = of('WELCOME20');
      [aliceApponly] = of('APPONLY');
      [aliceOff30] = of('OFF30');
      expect(aliceWelcome).toHaveLength(2);
    });

    it.each<[string, string, string | undefined, () => [string, Record<string, unknown>, string?]]>([
      ['an unknown template', 'NOT_FOUND', undefined, () => [ISSUE, { t: 'NO_SUCH', m: alice.id, k: 'e2e-bad-issue-1' }]],
      ['a foreign coupon', 'NOT_FOUND', undefined, () => [REDEEM, { m: alice.id, o: 'BAD-1', cart: CART, ids: [bobsCoupon] }, alice.token]],
      [
        'a coupon that does not apply here',
        'BAD_USER_INPUT',
        'WRONG_CHANNEL',
        () => [REDEEM, { m: alice.id, o: 'BAD-2', cart: CART, ids: [aliceApponly] }, alice.token],
      ],
      [
        'a stacking violation',
        'BAD_USER_INPUT',
        'STACKING_CONFLICT',
        () => [REDEEM, { m: alice.id, o: 'BAD-3', cart: CART, ids: aliceWelcome }, alice.token],
      ],
      [
        'a negative cart line',
        'BAD_USER_INPUT',
        undefined,
        () => [
          REDEEM,
          { m: alice.id, o: 'BAD-4', cart: { ...CART, items: [{ sku: 'X', quantity: 1, unitPrice: '-5.00' }] }, ids: [aliceWelcome[0]] },
          alice.token,
        ],
      ],
      [
        'an absurd cart line',
        'BAD_USER_INPUT',
        undefined,
        () => [
          REDEEM,
          {
            m: alice.id,
            o: 'BAD-5',
            cart: { ...CART, items: [{ sku: 'X', quantity: 1, unitPrice: '99999999.00' }] },
            ids: [aliceWelcome[0]],
          },
          alice.token,
        ],
      ],
      [
        'a used coupon',
        'BAD_USER_INPUT',
        'REDEEMED',
        () => [REDEEM, { m: alice.id, o: 'BAD-6', cart: CART, ids: [aliceOff30] }, alice.token],
      ],
      ['above the per-member limit', 'CONFLICT', 'PER_MEMBER_LIMIT', () => [ISSUE, { t: 'OFF30', m: alice.id, k: 'e2e-bad-issue-2' }]],
    ])('%s → %s', async (_, code, reason, build) => {
      const [operation, variables, token] = build();
      const before = await counts();
      const response = token ? await stack.queryAs(token, operation, variables) : await stack.query(operation, variables);
      expect(codeOf(response)).toBe(code);
      if (reason) expect(reasonOf(response)).toBe(reason);
      expect(await counts()).toEqual(before);
    });
  });
});

describe('restore and void through the gateway', () => {
  const RESTORE =
    'mutation($o: String!, $r: String!) { restoreCoupons(orderNo: $o, refundNo: $r) { restoredCouponIds expiredCouponIds replayed } }';
  const VOID = 'mutation($c: ID!, $r: String!) { voidCoupon(couponId: $c, reason: $r) { id status } }';

  it('staff give back the coupons of a refunded order once; members may not', async () => {
    expect(codeOf(await stack.queryAs(alice.token, RESTORE, { o: 'WEB-ORDER-1', r: 'RF-1' }))).toBe('FORBIDDEN');
    const restored = await stack.query(RESTORE, { o: 'WEB-ORDER-1', r: 'RF-1' });
    expect(restored.errors).toBeUndefined();
    expect(restored.data.restoreCoupons).toMatchObject({ expiredCouponIds: [], replayed: false });
    expect(restored.data.restoreCoupons.restoredCouponIds).toHaveLength(1);
    expect((await stack.query(RESTORE, { o: 'WEB-ORDER-1', r: 'RF-1' })).data.restoreCoupons.replayed).toBe(true);
    expect(codeOf(await stack.query(RESTORE, { o: 'WEB-ORDER-1', r: 'RF-2' }))).toBe('CONFLICT');
    // A POS account restores only its own store's orders; this one was a web order.
    expect(codeOf(await stack.queryAs(pos, RESTORE, { o: 'WEB-ORDER-1', r: 'RF-1' }))).toBe('FORBIDDEN');
    const [id] = restored.data.restoreCoupons.restoredCouponIds;
    const mine = await stack.queryAs(alice.token, MY_COUPONS, { s: 'AVAILABLE', first: 10 });
    expect(mine.data.me.coupons.edges.map((e: any) => e.node.id)).toContain(id);
  });

  it('staff void an unused coupon; the member no longer sees it as available', async () => {
    const id = await issue('APPONLY', bob.id, 'e2e-issue-bob-void');
    expect(codeOf(await stack.queryAs(bob.token, VOID, { c: id, r: 'issued in error' }))).toBe('FORBIDDEN');
    expect((await stack.query(VOID, { c: id, r: 'issued in error' })).data.voidCoupon).toEqual({ id, status: 'VOIDED' });
    const available = await stack.queryAs(bob.token, MY_COUPONS, { s: 'AVAILABLE', first: 10 });
    expect(available.data.me.coupons.edges.map((e: any) => e.node.id)).not.toContain(id);
  });
});
