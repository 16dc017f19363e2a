import { MEMBER_CARD, RECORD_ORDER, REGISTER } from '../harness/operations';
import { outboxEvents } from '../harness/outboxEvents';
import { startStack, type Stack } from '../harness/startStack';

const OFFSET_CHECKOUT =
  'mutation($memberId: ID!, $orderNo: String!, $offset: String!, $key: String!) { offsetCheckout(memberId: $memberId, orderNo: $orderNo, offset: $offset, idempotencyKey: $key) { pointsUsed } }';

let stack: Stack;
let memberId: string;
beforeAll(async () => {
  // The synchronous earn check, whose fail-open path this covers (after-commit never waits for risk: risk-control.e2e).
  stack = await startStack({ env: { EARN_RISK_CHECK: 'before-commit' } });
  memberId = (await stack.query(REGISTER, { phone: '13812345678', channel: 'MINI_PROGRAM' })).data.registerMember.id;
  await stack.query(RECORD_ORDER, { memberId, orderNo: 'DOWN-1', amount: '50.00', channel: 'MINI_PROGRAM' });
  await stack.services.risk.stop();
});
afterAll(() => stack?.stop());

describe('a subgraph that is down', () => {
  it('costs only its own fields: the rest of the member card is answered, with an UNAVAILABLE error', async () => {
    const card = await stack.query(MEMBER_CARD, { id: memberId });
    expect(card.data.member).toMatchObject({ id: memberId, maskedPhone: '138****5678', points: { balance: 50 }, risk: null });
    expect(card.data.member.benefits.length).toBeGreaterThan(0);
    expect(card.errors).toHaveLength(1);
    expect(card.errors![0].extensions).toEqual({ code: 'UNAVAILABLE' });
    expect(JSON.stringify(card.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|fetch failed/);
  });

  it('makes a burn, which needs its decision, fail closed with UNAVAILABLE and write nothing', async () => {
    const burn = await stack.query(OFFSET_CHECKOUT, { memberId, orderNo: 'DOWN-1', offset: '0.20', key: 'down-offset-1' });
    expect(burn.errors?.[0]).toMatchObject({
      message: 'risk control did not answer, so no points are spent; retry later',
      extensions: { code: 'UNAVAILABLE' },
    });
    expect(JSON.stringify(burn.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    const card = await stack.query('query($id: ID!) { member(id: $id) { points { balance } } }', { id: memberId });
    expect(card.data.member.points.balance).toBe(50);
    const [{ n }] = await stack.services.points.dataSource.query("SELECT COUNT(*) AS n FROM points_ledger WHERE source = 'CHECKOUT'");
    expect(Number(n)).toBe(0);
  });

  it('lets an earn through (earns fail open), its assessment waiting in the outbox flagged for review', async () => {
    const order = await stack.query(RECORD_ORDER, { memberId, orderNo: 'DOWN-2', amount: '50.00', channel: 'MINI_PROGRAM' });
    expect(order.errors).toBeUndefined();
    const card = await stack.query('query($id: ID!) { member(id: $id) { points { balance } } }', { id: memberId });
    expect(card.data.member.points.balance).toBe(100);
    const late = (await outboxEvents(stack.services.points.dataSource, memberId)).filter((e) => e.type === 'risk.assess');
    expect(late).toEqual([
      {
        type: 'risk.assess',
        payload: expect.objectContaining({ action: 'EARN', idempotencyKey: 'EARN:DOWN-2', amountFen: 5000, failOpen: true }),
        delivered: false,
        attempts: expect.any(Number),
      },
    ]);
  });
});

describe('the benefits subgraph down', () => {
  let benefitsDown: Stack;
  let id: string;
  beforeAll(async () => {
    benefitsDown = await startStack();
    id = (await benefitsDown.query(REGISTER, { phone: '13812345679', channel: 'WEB' })).data.registerMember.id;
    await benefitsDown.services.benefits.stop();
  });
  afterAll(() => benefitsDown?.stop());

  it("costs only the benefits, also the tier's: the member, their tier and points stay on the card", async () => {
    const card = await benefitsDown.query(MEMBER_CARD, { id });
    expect(card.data.member).toMatchObject({
      id,
      maskedPhone: '138****5679',
      tier: { id: 'REGULAR', benefits: null },
      points: { balance: 0 },
      benefits: null,
    });
    expect(card.errors!.length).toBeGreaterThan(0);
    expect(card.errors!.every((e) => e.extensions?.code === 'UNAVAILABLE')).toBe(true);
  });
});
