import { Order } from '../../services/points/src/db/entities/Order';
import { REGISTER } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

/**
 * The POS role through the real gateway: a till bound to its store by the store in its signed
 * token. It finds members and records orders, refunds and checkout offsets at its own store only;
 * it adjusts no points and grants no tiers. OPERATOR accounts (the POS accounts of before) keep
 * every right they had.
 */
let stack: Stack;
let pos: string;
let operator: string;
let memberId: string;

const CREATE_STAFF = 'mutation($input: StaffInput!) { createStaff(input: $input) { id roles store } }';
const ORDER =
  'mutation($m: ID!, $o: String!, $s: String) { recordOrder(memberId: $m, orderNo: $o, amount: "200.00", channel: POS, store: $s) { orderNo pointsEarned } }';
const OFFSET =
  'mutation($m: ID!, $o: String!, $k: String!) { offsetCheckout(memberId: $m, orderNo: $o, offset: "0.50", idempotencyKey: $k) { pointsUsed } }';
const REFUND = 'mutation($o: String!, $r: String!) { refundOrder(orderNo: $o, refundNo: $r, amount: "10.00") { pointsClawedBack } }';
const ADJUST =
  'mutation($m: ID!) { adjustPoints(memberId: $m, points: 1000000, reason: "goodwill", idempotencyKey: "pos-adjust-1") { entry { points } } }';
const GRANT = 'mutation($m: ID!) { grantTier(memberId: $m, tierId: "DIAMOND", reason: "vip at the till") { tier { id } } }';

const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  stack = await startStack();
  for (const [username, roles] of [
    ['till-s001', ['POS']],
    ['ops-s001', ['OPERATOR']],
  ] as const) {
    const created = await stack.query(CREATE_STAFF, { input: { username, password: 'a-long-till-password-1', roles, store: 'S001' } });
    expect(created.errors).toBeUndefined();
  }
  pos = (await stack.loginStaff('till-s001', 'a-long-till-password-1')).accessToken;
  operator = (await stack.loginStaff('ops-s001', 'a-long-till-password-1')).accessToken;
  memberId = (await stack.query(REGISTER, { phone: '13866660001', channel: 'POS' })).data.registerMember.id;
});
afterAll(() => stack?.stop());

describe('a POS account (store S001)', () => {
  it('finds members by phone and by card', async () => {
    expect(
      (await stack.query('mutation($m: ID!) { bindCard(memberId: $m, cardNo: "CARD-0001") { id } }', { m: memberId })).errors,
    ).toBeUndefined();
    const found = await stack.queryAs(pos, '{ memberByPhone(phone: "13866660001") { id } memberByCard(cardNo: "card-0001") { id } }');
    expect(found.errors).toBeUndefined();
    expect(found.data).toEqual({ memberByPhone: { id: memberId }, memberByCard: { id: memberId } });
  });

  it('records an order at S001 (its own store when none is named), never at S002', async () => {
    expect((await stack.queryAs(pos, ORDER, { m: memberId, o: 'POS-1', s: 'S001' })).data.recordOrder.pointsEarned).toBe(200);
    expect((await stack.queryAs(pos, ORDER, { m: memberId, o: 'POS-2' })).errors).toBeUndefined();
    const elsewhere = await stack.queryAs(pos, ORDER, { m: memberId, o: 'POS-3', s: 'S002' });
    expect(codeOf(elsewhere)).toBe('FORBIDDEN');
    const orders = stack.services.points.dataSource.getRepository(Order);
    expect((await orders.findOneByOrFail({ orderNo: 'POS-1' })).storeId).toBe('S001');
    expect((await orders.findOneByOrFail({ orderNo: 'POS-2' })).storeId).toBe('S001');
    expect(await orders.findOneBy({ orderNo: 'POS-3' })).toBeNull();
  });

  it('adjusts no points and grants no tier', async () => {
    expect(codeOf(await stack.queryAs(pos, ADJUST, { m: memberId }))).toBe('FORBIDDEN');
    expect(codeOf(await stack.queryAs(pos, GRANT, { m: memberId }))).toBe('FORBIDDEN');
    const edit = await stack.queryAs(pos, 'mutation { updateTier(id: "DIAMOND", input: { multiplier: "9" }, reason: "till") { id } }');
    expect(codeOf(edit)).toBe('FORBIDDEN');
    const card = await stack.query('query($m: ID!) { member(id: $m) { tier { id } points { balance } } }', { m: memberId });
    expect(card.data.member).toEqual({ tier: { id: 'REGULAR' }, points: { balance: 400 } });
  });

  it("offsets points and refunds on its own store's orders only", async () => {
    expect((await stack.query(ORDER, { m: memberId, o: 'S2-1', s: 'S002' })).errors).toBeUndefined();
    expect((await stack.queryAs(pos, OFFSET, { m: memberId, o: 'POS-1', k: 'pos-offset-1' })).data.offsetCheckout.pointsUsed).toBe(50);
    // The order is recorded first, then paid: an offset is tied to its order, so an unknown one is refused.
    expect(codeOf(await stack.queryAs(pos, OFFSET, { m: memberId, o: 'NEW-AT-TILL', k: 'pos-offset-2' }))).toBe('NOT_FOUND');
    expect(codeOf(await stack.queryAs(pos, OFFSET, { m: memberId, o: 'S2-1', k: 'pos-offset-3' }))).toBe('FORBIDDEN');
    expect((await stack.queryAs(pos, REFUND, { o: 'POS-1', r: 'POS-R1' })).errors).toBeUndefined();
    expect(codeOf(await stack.queryAs(pos, REFUND, { o: 'S2-1', r: 'POS-R2' }))).toBe('FORBIDDEN');
  });
});

describe('OPERATOR accounts keep their rights', () => {
  it('record at any store, adjust points and grant tiers', async () => {
    expect((await stack.queryAs(operator, ORDER, { m: memberId, o: 'OPS-1', s: 'S002' })).errors).toBeUndefined();
    expect((await stack.queryAs(operator, ADJUST, { m: memberId })).errors).toBeUndefined();
    expect((await stack.queryAs(operator, GRANT, { m: memberId })).data.grantTier.tier.id).toBe('DIAMOND');
  });
});

describe('creating POS accounts', () => {
  it('needs a store, and the POS role alone', async () => {
    const input = { username: 'till-x', password: 'a-long-till-password-1' };
    expect(codeOf(await stack.query(CREATE_STAFF, { input: { ...input, roles: ['POS'] } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await stack.query(CREATE_STAFF, { input: { ...input, roles: ['POS', 'OPERATOR'], store: 'S001' } }))).toBe(
      'BAD_USER_INPUT',
    );
  });
});
