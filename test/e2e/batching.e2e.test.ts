import { SERVICE_NAMES, type ServiceName } from '../../services/kit/src';
import { RECORD_ORDER, REGISTER, uniquePhone } from '../harness/operations';
import { outboxesSettled } from '../harness/outboxEvents';
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

/** The services that keep an outbox (risk keeps none). */
const OUTBOX_SERVICES = ['member', 'points', 'benefits', 'campaign'] as const;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  for (let i = 0; i < 50; i += 1) {
    const { data } = await stack.query(REGISTER, { phone: uniquePhone(), channel: 'WEB' });
    if (i % 5 === 0)
      await stack.query(RECORD_ORDER, { memberId: data.registerMember.id, orderNo: `B-${i}`, amount: '100.00', channel: 'WEB' });
  }
  // The earns' deliveries after their answers (reports, spend, assessments) run in the background: not counted below.
  await outboxesSettled(OUTBOX_SERVICES.map((s) => stack.services[s].dataSource));
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

/**
 * Definitions every caller shares are read from the process's shared copy, at most once a second
 * whatever the request (kit SharedValue): the benefit matrix in benefits, the ladder in member, the
 * scheduled campaigns in campaign. A list may or may not be the one that refreshes them: one
 * statement either way, never one per member.
 */
const SHARED_READS: Partial<Record<ServiceName, number>> = { benefits: 1, member: 1, campaign: 1 };

describe('a list of members costs a constant number of SQL statements per service (DataLoader)', () => {
  it('is the same for 10 and for 50 members (but for a refresh of shared definitions), and at most two per service', async () => {
    const ten = await statementsPerService(10);
    const fifty = await statementsPerService(50);
    for (const service of SERVICE_NAMES) {
      expect(Math.abs(fifty[service] - ten[service])).toBeLessThanOrEqual(SHARED_READS[service] ?? 0);
      expect(fifty[service]).toBeLessThanOrEqual(2);
    }
    // Every service but benefits and campaign (shared definitions are all they read for a list: the
    // matrix, the scheduled campaigns, none of which targets by a member's facts here) issued a statement of its own.
    for (const service of SERVICE_NAMES)
      if (service !== 'benefits' && service !== 'campaign') expect(fifty[service]).toBeGreaterThanOrEqual(1);
  });

  it("shows every member's and tier's benefits from the shared matrix", async () => {
    const { data } = await stack.query(MEMBER_LIST, { first: 50 });
    for (const member of data.members as Array<{ benefits: unknown[]; tier: { benefits: unknown[] } }>) {
      expect(member.benefits.length).toBeGreaterThan(0);
      expect(member.tier.benefits.length).toBeGreaterThan(0);
    }
  });

  it('answers the right balance for each member of the list', async () => {
    const { data } = await stack.query(MEMBER_LIST, { first: 50 });
    const withPoints = data.members.filter((m: { points: { balance: number } }) => m.points.balance > 0);
    expect(withPoints).toHaveLength(10);
    for (const member of withPoints) expect(member.points.balance).toBe(100);
  });
});
