import { randomUUID } from 'node:crypto';
import { RECORD_ORDER, REGISTER, uniquePhone } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

const STANDING = /* GraphQL */ `
  query Standing($id: ID!) {
    member(id: $id) {
      tier {
        id
      }
      tierStatus {
        topTier {
          tier {
            id
          }
          qualifies
          holds
          invitationOnly
          maxShare
          place
        }
      }
    }
  }
`;

let stack: Stack;
beforeAll(async () => {
  // A cap so small that no member of this test's programme gets a seat: every qualifying member waits.
  stack = await startStack({ env: { TOP_TIER_MAX_SHARE: '0.0001' } });
});
afterAll(() => stack?.stop());

async function memberSpending(amount: string, orders: number): Promise<string> {
  const id = (await stack.query(REGISTER, { phone: uniquePhone(), channel: 'WEB' })).data.registerMember.id;
  for (let i = 0; i < orders; i += 1) {
    const placed = await stack.query(RECORD_ORDER, { memberId: id, orderNo: `TT-${randomUUID()}`, amount, channel: 'WEB' });
    expect(placed.errors).toBeUndefined();
  }
  return id;
}

describe('a capped top tier through the gateway', () => {
  it('qualifying members wait below it, and see that they qualify and their place by 12-month spend', async () => {
    const first = await memberSpending('1100.00', 30);
    const second = await memberSpending('1000.00', 30);
    const [a, b] = [(await stack.query(STANDING, { id: first })).data.member, (await stack.query(STANDING, { id: second })).data.member];
    expect(a.tier.id).toBe('GOLD');
    expect(a.tierStatus.topTier).toEqual({
      tier: { id: 'DIAMOND' },
      qualifies: true,
      holds: false,
      invitationOnly: false,
      maxShare: 0.0001,
      place: 1,
    });
    expect(b.tierStatus.topTier).toMatchObject({ qualifies: true, holds: false, place: 2 });
    const regular = await memberSpending('10.00', 1);
    expect((await stack.query(STANDING, { id: regular })).data.member.tierStatus.topTier).toMatchObject({ qualifies: false, place: null });
  });
});
