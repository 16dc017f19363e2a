import { MEMBER_CARD, RECORD_ORDER, REGISTER } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

describe('the member card through the gateway', () => {
  it('resolves a member across all five subgraphs', async () => {
    const registered = await stack.query(REGISTER, { phone: '13812341234', channel: 'WEB' });
    expect(registered.errors).toBeUndefined();
    const id = registered.data.registerMember.id;
    expect(registered.data.registerMember).toEqual({ id, maskedPhone: '138****1234', tier: { id: 'REGULAR' } });

    const created = await stack.query(
      `mutation { createCampaign(input: { name: "Double points week", activityCoefficient: "2.0", startsAt: "2020-01-01T00:00:00Z", endsAt: "2099-01-01T00:00:00Z" }) { id live } }`,
    );
    expect(created.data.createCampaign.live).toBe(true);

    // 199.90 CNY × base 1 × γ(Regular) 1.0 × coefficient 2.0 = 399.8 → 399 points.
    const order = await stack.query(RECORD_ORDER, { memberId: id, orderNo: 'WEB-1', amount: '199.90', channel: 'WEB' });
    expect(order.errors).toBeUndefined();
    expect(order.data.recordOrder).toEqual({
      orderNo: 'WEB-1',
      amount: '199.90',
      pointsEarned: 399,
      replayed: false,
      member: { points: { balance: 399 } },
    });

    const card = await stack.query(MEMBER_CARD, { id });
    expect(card.errors).toBeUndefined();
    expect(card.data.member).toMatchObject({
      id,
      maskedPhone: '138****1234',
      tier: { id: 'REGULAR', name: 'Regular 普通會員' },
      points: { balance: 399 },
      liveCampaigns: [{ name: 'Double points week', activityCoefficient: 2 }],
      risk: { level: 'LOW', assessments: 1 },
    });
    expect(card.data.member.tier.benefits.map((b: { name: string }) => b.name)).toContain('Member discount 會員折扣');
    // The member's benefits are their tier's, ranked for them: a newcomer's discount first, then points acceleration.
    const names = (list: Array<{ name: string }>) => list.map((b) => b.name);
    expect(names(card.data.member.benefits).sort()).toEqual(names(card.data.member.tier.benefits).sort());
    expect(names(card.data.member.benefits).slice(0, 2)).toEqual(['Member discount 會員折扣', 'Points acceleration 積分加速']);
  });
});
