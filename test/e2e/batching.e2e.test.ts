import { SERVICE_NAMES, type ServiceName } from '../../services/kit/src';
import { RECORD_ORDER, REGISTER, uniquePhone } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

const MEMBER_LIST = /* GraphQL */ `
  query List($first: Int!) {
    members(first: $first) {
      id
      maskedPhone
      tier {
        name
        benefits {
          name
        }
      }
      points {
        balance
      }
      benefits {
        name
      }
      liveCampaigns {
        name
      }
      risk {
        level
        assessments
      }
    }
  }
`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  for (let i = 0; i < 50; i += 1) {
    const { data } = await stack.query(REGISTER, { phone: uniquePhone(), channel: 'WEB' });
    if (i % 5 === 0)
      await stack.query(RECORD_ORDER, { memberId: data.registerMember.id, orderNo: `B-${i}`, amount: '100.00', channel: 'WEB' });
  }
}, 120_000);
afterAll(() => stack?.stop());

/** SQL statements each service issues while answering one operation. */
async function statementsPerService(first: number): Promise<Record<ServiceName, number>> {
  const before = Object.fromEntries(SERVICE_NAMES.map((s) => [s, stack.services[s].queries.count]));
  const response = await stack.query(MEMBER_LIST, { first });
  expect(response.errors).toBeUndefined();
  expect(response.data.members).toHaveLength(first);
  return Object.fromEntries(SERVICE_NAMES.map((s) => [s, stack.services[s].queries.count - before[s]])) as Record<ServiceName, number>;
}

describe('a list of members costs a constant number of SQL statements per service (DataLoader)', () => {
  it('is the same for 10 and for 50 members, and at most two per service', async () => {
    const ten = await statementsPerService(10);
    const fifty = await statementsPerService(50);
    expect(fifty).toEqual(ten);
    for (const service of SERVICE_NAMES) expect(fifty[service]).toBeLessThanOrEqual(2);
    // Every service really took part: each issued at least one statement.
    for (const service of SERVICE_NAMES) expect(fifty[service]).toBeGreaterThanOrEqual(1);
  });

  it('answers the right balance for each member of the list', async () => {
    const { data } = await stack.query(MEMBER_LIST, { first: 50 });
    const withPoints = data.members.filter((m: { points: { balance: number } }) => m.points.balance > 0);
    expect(withPoints).toHaveLength(10);
    for (const member of withPoints) expect(member.points.balance).toBe(100);
  });
});
