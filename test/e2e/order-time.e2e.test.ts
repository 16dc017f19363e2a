import { randomUUID } from 'node:crypto';
import { REGISTER, uniquePhone } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

const RECORD = /* GraphQL */ `
  mutation Order($memberId: ID!, $orderNo: String!, $amount: String!, $orderedAt: String) {
    recordOrder(memberId: $memberId, orderNo: $orderNo, amount: $amount, channel: POS, orderedAt: $orderedAt) {
      orderedAt
      pointsEarned
    }
  }
`;

const TIER = 'query($id: ID!) { member(id: $id) { tier { id } } }';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { OUTBOX_INTERVAL_MS: '50' } });
});
afterAll(() => stack?.stop());

const HOUR = 3_600_000;
const newMember = async () => (await stack.query(REGISTER, { phone: uniquePhone(), channel: 'WEB' })).data.registerMember.id as string;
const record = (memberId: string, amount: string, orderedAt?: Date) =>
  stack.query(RECORD, { memberId, orderNo: `OT-${randomUUID()}`, amount, orderedAt: orderedAt?.toISOString() ?? null });

async function pointsEarned(memberId: string, amount: string, orderedAt?: Date): Promise<number> {
  const response = await record(memberId, amount, orderedAt);
  expect(response.errors).toBeUndefined();
  return response.data.recordOrder.pointsEarned;
}

describe('an order earns with the tier and the campaigns in force when it was placed', () => {
  it('a campaign that ended an hour ago still applies to an order placed during it (campaign service, at the order’s time)', async () => {
    const now = Date.now();
    const campaign = await stack.query(
      'mutation($s: String!, $e: String!) { createCampaign(input: { name: "Flash 2x", activityCoefficient: "2.0", startsAt: $s, endsAt: $e }) { id } }',
      { s: new Date(now - 3 * HOUR).toISOString(), e: new Date(now - HOUR).toISOString() },
    );
    expect(campaign.errors).toBeUndefined();
    const id = await newMember();
    expect(await pointsEarned(id, '1000.00', new Date(now - 2 * HOUR))).toBe(2000);
    expect(await pointsEarned(id, '1000.00')).toBe(1000);
  });

  it('an order placed before the upgrade earns at the old γ (member service, tier history)', async () => {
    const id = await newMember();
    for (let i = 0; i < 4; i += 1) await pointsEarned(id, '600.00');
    const beforeUpgrade = new Date();
    expect(await pointsEarned(id, '600.00')).toBe(600);
    expect((await stack.query(TIER, { id })).data.member.tier.id).toBe('SILVER');
    // 100.00 placed while still Regular: γ 1.0; placed now, as Silver: γ 1.2.
    expect(await pointsEarned(id, '100.00', beforeUpgrade)).toBe(100);
    expect(await pointsEarned(id, '100.00')).toBe(120);
  });

  it('refuses an order placed in the future or too long ago with a code, writing nothing', async () => {
    const id = await newMember();
    const future = await record(id, '10.00', new Date(Date.now() + HOUR));
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const ancient = await record(id, '10.00', new Date(Date.now() - 400 * 24 * HOUR));
    expect(ancient.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const rows = await stack.services.points.dataSource.query('SELECT COUNT(*) AS n FROM orders WHERE member_id = ?', [id]);
    expect(Number(rows[0].n)).toBe(0);
  });
});
